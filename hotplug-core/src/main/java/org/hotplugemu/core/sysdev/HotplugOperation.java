package org.hotplugemu.core.sysdev;

/** Whether a request adds system devices or deletes them. */
public enum HotplugOperation {
    ADD,
    DELETE
}
