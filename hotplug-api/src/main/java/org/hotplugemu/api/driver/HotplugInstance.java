package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * One instance of a multi-instance state (the kernel's {@code hlist_node} inside a driver's
 * per-device structure), e.g. one PMU. Identity is by reference.
 */
@API(status = STABLE, since = "0.1")
public interface HotplugInstance {
    /** Returns a name for messages and traces. */
    String name();
}
