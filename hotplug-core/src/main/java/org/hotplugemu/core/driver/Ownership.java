package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * Which driver of one machine set up each hotplug state and added each multi-instance instance
 * through its context; everything else (the profile's static states) is the core's. A driver may
 * remove only what it created: the kernel trusts its modules, but plugins here are third-party
 * code, and one that removed the stock drivers' states broke the machine for everyone. Files and
 * system device handlers record their owners where they live ({@code VirtualFs}, the handler
 * registry). After a driver's {@code unregister}, {@link #unloaded} reports what it still has.
 */
final class Ownership {
    /** By state number, so that leftovers are reported in the state machine's order. */
    private final Map<Integer, OwnedState> states = new TreeMap<>();
    /** In the order the instances were added. */
    private final Map<InstanceKey, String> instances = new LinkedHashMap<>();
    /** Instances still linked when their state was removed, reported at their driver's unload. */
    private final List<Leftover> orphans = new ArrayList<>();

    private record OwnedState(String driver, String name) {
    }

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

    synchronized void ownState(int state, String name, String driver) {
        states.put(state, new OwnedState(requireNonNull(driver, "driver is null"), String.valueOf(name)));
    }

    /** EPERM unless {@code driver} set {@code state} up. */
    synchronized void checkState(int state, String driver, String operation) {
        OwnedState owned = states.get(state);
        if (owned == null || !driver.equals(owned.driver())) {
            throw denied(driver, operation + " state " + state, owned != null ? "it belongs to driver " + owned.driver()
                    : "it is the core's or unused, not one this driver set up");
        }
    }

    /**
     * Forgets the state; instances still linked to it become their drivers' leftovers (the kernel
     * warns and leaves them linked to a state that is gone).
     */
    synchronized void releaseState(int state) {
        states.remove(state);
        instances.entrySet().removeIf(entry -> {
            InstanceKey key = entry.getKey();
            if (key.state() != state) {
                return false;
            }
            orphans.add(Leftover.instance(entry.getValue(), state, key.instance().name()));
            return true;
        });
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

    /**
     * Returns the states {@code driver} still has installed and the instances it never removed, once
     * its {@code unregister} ran. What is still installed stays the driver's (no other driver may
     * remove it); instances of removed states are reported once.
     */
    synchronized List<Leftover> unloaded(String driver) {
        List<Leftover> leftovers = new ArrayList<>();
        states.forEach((state, owned) -> {
            if (owned.driver().equals(driver)) {
                leftovers.add(Leftover.state(driver, state, owned.name()));
            }
        });
        List<Leftover> instancesLeft = new ArrayList<>();
        orphans.removeIf(orphan -> orphan.driver().equals(driver) && instancesLeft.add(orphan));
        instances.forEach((key, owner) -> {
            if (owner.equals(driver)) {
                instancesLeft.add(Leftover.instance(driver, key.state(), key.instance().name()));
            }
        });
        leftovers.addAll(instancesLeft);
        return leftovers;
    }

    static HotplugException denied(String driver, String what, String why) {
        return new HotplugException(Errno.EPERM, "driver " + driver + " may not " + what + ": " + why
                + "; a driver removes or replaces only the states, instances, files and handlers it created");
    }
}
