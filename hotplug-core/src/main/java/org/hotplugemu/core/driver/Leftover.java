package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One thing a driver set up through its context and still had after its {@code unregister}: a
 * module's exit must undo its init, and what it leaves behind stays in the machine.
 *
 * @param kind what was left
 * @param driver the driver's name
 * @param name the state's or instance's name, the file's path, the handler's or resource's name
 * @param state the state number of a state or instance, else -1
 * @param cpus the CPUs a resource is still held on, in ascending order; empty for the other kinds
 *
 * <p>Experimental since 0.2.
 */
public record Leftover(Kind kind, String driver, String name, int state, List<Integer> cpus) {
    /** The kinds of leftover. */
    public enum Kind {
        /** A hotplug state still installed. */
        STATE,
        /** A multi-instance instance never removed (its state may have been removed without it). */
        INSTANCE,
        /** A virtual file still there. */
        FILE,
        /** A system device hot-plug handler still registered. */
        HANDLER,
        /** A tracked per-CPU resource still held on some CPUs. */
        RESOURCE
    }

    public Leftover {
        requireNonNull(kind, "kind is null");
        requireNonNull(driver, "driver is null");
        requireNonNull(name, "name is null");
        cpus = List.copyOf(cpus);
    }

    static Leftover state(String driver, int state, String name) {
        return new Leftover(Kind.STATE, driver, name, state, List.of());
    }

    static Leftover instance(String driver, int state, String name) {
        return new Leftover(Kind.INSTANCE, driver, name, state, List.of());
    }

    static Leftover file(String driver, String path) {
        return new Leftover(Kind.FILE, driver, path, -1, List.of());
    }

    static Leftover handler(String driver, String name) {
        return new Leftover(Kind.HANDLER, driver, name, -1, List.of());
    }

    static Leftover resource(String driver, String name, List<Integer> cpus) {
        return new Leftover(Kind.RESOURCE, driver, name, -1, cpus);
    }

    /** Returns the one-line message that names it, e.g. {@code state 192 'pmu:online' not removed}. */
    public String message() {
        return switch (kind) {
            case STATE -> "state " + state + " '" + name + "' not removed";
            case INSTANCE -> "instance '" + name + "' of state " + state + " not removed";
            case FILE -> "file " + name + " not removed";
            case HANDLER -> "system device handler '" + name + "' not unregistered";
            case RESOURCE -> "resource '" + name + "' still held on CPUs " + cpus;
        };
    }
}
