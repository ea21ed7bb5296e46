package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Lets the drivers of one machine find each other's subsystems (a load generator reaches the
 * workqueues, timers and RCU of its own machine), reached through {@link DriverContext#services()}.
 * Services are keyed by type and scoped to the machine: another machine in the same JVM never sees
 * them. A service belongs to the driver that published it: only that driver may replace or
 * withdraw it, and the machine withdraws a driver's services when the driver is unloaded.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DriverServices {
    /**
     * Makes {@code service} this machine's {@code type}, replacing what the calling driver
     * published under it before.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EBUSY when another driver published {@code type}
     */
    <T> void publish(Class<T> type, T service);

    /** Returns this machine's {@code type}, if a loaded driver published one. */
    <T> Optional<T> lookup(Class<T> type);

    /**
     * Withdraws the calling driver's {@code type}; nothing when none is published.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EPERM when another driver published {@code type}
     */
    void withdraw(Class<?> type);
}
