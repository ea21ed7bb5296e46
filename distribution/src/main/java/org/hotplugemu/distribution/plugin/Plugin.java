package org.hotplugemu.distribution.plugin;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One architecture or driver found at startup, with where it came from. Its version is read from
 * its jar when first asked for: only {@code plugins} and {@code --verbose} show it, and reading
 * every provider's jar would cost each start.
 *
 * @param <T> the provider type
 */
public final class Plugin<T> {
    private final String kind;
    private final String name;
    private final String description;
    private final Supplier<String> versionOfJar;
    private final Path origin;
    private final boolean builtIn;
    private final T instance;

    /**
     * @param kind {@code architecture} or {@code driver}
     * @param versionOfJar the jar's version, read when first asked for (the loader keeps what each jar's read gave)
     * @param origin the jar (or class directory) it was loaded from
     * @param builtIn whether it ships in {@code lib/} rather than a plugin directory
     */
    public Plugin(String kind, String name, String description, Supplier<String> versionOfJar, Path origin, boolean builtIn, T instance) {
        this.kind = requireNonNull(kind, "kind is null");
        this.name = requireNonNull(name, "name is null");
        this.description = requireNonNull(description, "description is null");
        this.versionOfJar = requireNonNull(versionOfJar, "versionOfJar is null");
        this.origin = requireNonNull(origin, "origin is null");
        this.builtIn = builtIn;
        this.instance = requireNonNull(instance, "instance is null");
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** Returns the jar's {@code Implementation-Version} or Maven version, or {@code unknown}. */
    public String version() {
        return requireNonNull(versionOfJar.get(), "version is null");
    }

    public Path origin() {
        return origin;
    }

    public boolean builtIn() {
        return builtIn;
    }

    public T instance() {
        return instance;
    }

    @Override
    public String toString() {
        return kind + " " + name + " from " + origin;
    }
}
