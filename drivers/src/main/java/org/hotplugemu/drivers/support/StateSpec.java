package org.hotplugemu.drivers.support;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One hotplug state as a kernel subsystem registers it: enum name (a {@code _DYN} base for a
 * dynamic state), sysfs name, callback symbols (null where the kernel passes NULL), whether the
 * kernel invokes the startup at registration, and for a multi-instance state its instances.
 *
 * <p>Experimental.
 */
public record StateSpec(String enumName, String name, String startupSymbol, String teardownSymbol, boolean calls,
        boolean multi, List<String> instances, String condition) {
    public StateSpec {
        requireNonNull(enumName, "enumName is null");
        requireNonNull(name, "name is null");
        instances = List.copyOf(instances);
        if (condition != null && condition.replaceFirst("^!", "").isBlank()) {
            throw new IllegalArgumentException("state " + name + " has a blank condition");
        }
        if (!multi && !instances.isEmpty()) {
            throw new IllegalArgumentException("state " + name + " is not multi-instance but has instances");
        }
    }

    /** A state registered with {@code cpuhp_setup_state}: the startup runs on CPUs already up. */
    public static StateSpec calls(String enumName, String name, String startup, String teardown) {
        return new StateSpec(enumName, name, startup, teardown, true, false, List.of(), null);
    }

    /** A state registered with {@code cpuhp_setup_state_nocalls} (or a static kernel/cpu.c entry). */
    public static StateSpec noCalls(String enumName, String name, String startup, String teardown) {
        return new StateSpec(enumName, name, startup, teardown, false, false, List.of(), null);
    }

    /** A multi-instance state with its instances, added with {@code cpuhp_state_add_instance}. */
    public static StateSpec multi(String enumName, String name, String startup, String teardown, String... instances) {
        return new StateSpec(enumName, name, startup, teardown, true, true, List.of(instances), null);
    }

    /** Like {@link #multi} but the instances are linked without calls (added before tracing starts). */
    public static StateSpec multiNoCalls(String enumName, String name, String startup, String teardown, String... instances) {
        return new StateSpec(enumName, name, startup, teardown, false, true, List.of(instances), null);
    }

    /**
     * Returns this state registered only on kernels whose state table has {@code enumName} (or,
     * with a leading {@code !}, lacks it): how a driver tells kernel versions apart where a
     * subsystem's registration changed but its own state did not, e.g. {@code when("CPUHP_BP_KICK_AP")}
     * for what a 6.5+ kernel registers.
     */
    public StateSpec when(String stateEnum) {
        return new StateSpec(enumName(), name, startupSymbol, teardownSymbol, calls, multi, instances, requireNonNull(stateEnum, "stateEnum is null"));
    }

    /** Returns whether this kernel's table satisfies {@link #condition()} (no condition: always). */
    public boolean applies(java.util.function.Predicate<String> hasState) {
        if (condition == null) {
            return true;
        }
        return condition.startsWith("!") ? !hasState.test(condition.substring(1)) : hasState.test(condition);
    }

    /** Returns whether both directions have a callback, so a per-CPU resource can be accounted. */
    public boolean symmetric() {
        return startupSymbol != null && teardownSymbol != null;
    }
}
