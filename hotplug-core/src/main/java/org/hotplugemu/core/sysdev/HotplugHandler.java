package org.hotplugemu.core.sysdev;

/**
 * A handler of one phase of hot-add or hot-delete. Firmware handlers enumerate or eject devices;
 * system device handlers online or offline them; neither calls the other.
 *
 * <p>Experimental.
 */
@FunctionalInterface
public interface HotplugHandler {
    /**
     * Handles {@code request}. With {@code rollback} false it does its phase's work and throws a
     * {@link org.hotplugemu.api.kernel.HotplugException} with the errno when it cannot; with
     * {@code rollback} true it undoes what its earlier call did, because a later handler failed.
     */
    void handle(HotplugRequest request, boolean rollback);
}
