package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

/**
 * One broken rule of a driver's resource accounting, as the invariant checker found it.
 *
 * @param kind what is wrong
 * @param driver the driver's name
 * @param resource the resource's name
 * @param state the resource's state number
 * @param stateName the state's name, {@code unnamed} when none
 * @param instance the instance's name for a per-instance resource, else null
 * @param cpu the CPU concerned
 * @param cpuState the CPU's hotplug state when checked (-1 for an acquire or release event)
 *
 * <p>Experimental since 0.2.
 */
public record ResourceViolation(Kind kind, String driver, String resource, int state, String stateName, String instance,
        int cpu, int cpuState) {
    /** The kinds of violation. */
    public enum Kind {
        /** Held on a CPU below the state, or after the state or instance went. */
        LEAKED,
        /** Not held on a CPU at or above the state. */
        MISSING,
        /** Acquired on a CPU that held it. */
        ACQUIRED_TWICE,
        /** Released on a CPU that did not hold it. */
        RELEASED_UNHELD
    }

    public ResourceViolation {
        requireNonNull(kind, "kind is null");
        requireNonNull(driver, "driver is null");
        requireNonNull(resource, "resource is null");
    }

    /** Returns the one-line message {@code checkInvariants} prints. */
    public String message() {
        String what = "driver " + driver + ": resource '" + resource + "'" + (instance == null ? "" : " of instance " + instance)
                + " of state " + state;
        return switch (kind) {
            case LEAKED, MISSING -> what + " (" + stateName + ") is " + (kind == Kind.LEAKED ? "leaked" : "missing")
                    + " on CPU " + cpu + " at state " + cpuState;
            case ACQUIRED_TWICE -> what + " acquired twice on CPU " + cpu;
            case RELEASED_UNHELD -> what + " released on CPU " + cpu + " where it was not held";
        };
    }
}
