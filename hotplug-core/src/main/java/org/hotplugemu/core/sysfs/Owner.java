package org.hotplugemu.core.sysfs;

import static java.util.Objects.requireNonNull;

/**
 * Who added a file or a system device handler: the core, an architecture backend, or one driver.
 * A driver may remove or replace only what is its own; the core and the backends are trusted.
 *
 * @param description how messages name the owner: {@code the core}, {@code the x86 backend}, {@code driver pmu}
 *
 * <p>Experimental since 0.2.
 */
public record Owner(String description) {
    /** The emulated kernel itself: sysfs, its debugfs files, its own hot-plug handlers. */
    public static final Owner CORE = new Owner("the core");

    public Owner {
        requireNonNull(description, "description is null");
    }

    /** Returns the owner that stands for the driver named {@code name}. */
    public static Owner driver(String name) {
        return new Owner("driver " + requireNonNull(name, "name is null"));
    }

    /** Returns the owner that stands for the architecture backend named {@code architecture}. */
    public static Owner backend(String architecture) {
        return new Owner("the " + requireNonNull(architecture, "architecture is null") + " backend");
    }

    @Override
    public String toString() {
        return description;
    }
}
