package org.hotplugemu.distribution.plugin;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One architecture or driver found at startup, with where it came from.
 *
 * @param kind {@code architecture} or {@code driver}
 * @param version the jar's {@code Implementation-Version} or Maven version, or {@code unknown}
 * @param origin the jar (or class directory) it was loaded from
 * @param builtIn whether it ships in {@code lib/} rather than a plugin directory
 */
public record Plugin<T>(String kind, String name, String description, String version, Path origin, boolean builtIn, T instance) {
    public Plugin {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(version, "version is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(instance, "instance is null");
    }
}
