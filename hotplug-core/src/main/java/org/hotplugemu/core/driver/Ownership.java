package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * Which driver of one machine created each hotplug state, multi-instance instance and virtual file
 * that came through a driver's context. Everything else on the machine (the profile's static states,
 * sysfs, the backends' files) is the core's. A driver may remove only what it created: the kernel
 * trusts its modules, but plugins here are third-party code, and one that removed the stock
 * drivers' states or {@code /sys/devices/system/cpu/online} broke the machine for everyone.
 */
final class Ownership {
    private final Map<Integer, String> states = new HashMap<>();
    private final Map<InstanceKey, String> instances = new HashMap<>();
    private final Map<String, String> files = new HashMap<>();

    /** A state's instance, by reference as {@link HotplugInstance} identity goes. */
    private record InstanceKey(int state, HotplugInstance instance) {
        @Override
        public boolean equals(Object other) {
            return other instanceof InstanceKey key && key.state == state && key.instance == instance;
        }

        @Override
        public int hashCode() {
            return 31 * state + System.identityHashCode(instance);
        }
    }

    synchronized void ownState(int state, String driver) {
        states.put(state, requireNonNull(driver, "driver is null"));
    }

    /** EPERM unless {@code driver} set {@code state} up. */
    synchronized void checkState(int state, String driver, String operation) {
        String owner = states.get(state);
        if (!driver.equals(owner)) {
            throw denied(driver, operation + " state " + state, owner != null ? "it belongs to driver " + owner
                    : "it is the core's or unused, not one this driver set up");
        }
    }

    synchronized void releaseState(int state) {
        states.remove(state);
        instances.keySet().removeIf(key -> key.state == state);
    }

    synchronized void ownInstance(int state, HotplugInstance instance, String driver) {
        instances.put(new InstanceKey(state, instance), requireNonNull(driver, "driver is null"));
    }

    /**
     * EPERM when another driver added {@code instance} to {@code state}; an instance no driver added
     * is left to the hotplug API, which reports it as never added.
     */
    synchronized void checkInstance(int state, HotplugInstance instance, String driver) {
        String owner = instances.get(new InstanceKey(state, instance));
        if (owner != null && !owner.equals(driver)) {
            throw denied(driver, "remove instance " + instance.name() + " of state " + state, "driver " + owner + " added it");
        }
    }

    synchronized void releaseInstance(int state, HotplugInstance instance) {
        instances.remove(new InstanceKey(state, instance));
    }

    synchronized void ownFile(String path, String driver) {
        files.put(path, requireNonNull(driver, "driver is null"));
    }

    /** Returns the driver that added the file at the normalized {@code path}, or null for the core's. */
    synchronized String fileOwner(String path) {
        return files.get(path);
    }

    synchronized void releaseFile(String path) {
        files.remove(path);
    }

    static HotplugException denied(String driver, String what, String why) {
        return new HotplugException(Errno.EPERM, "driver " + driver + " may not " + what + ": " + why
                + "; a driver removes only the states, instances and files it created");
    }
}
