package org.hotplugemu.distribution.plugin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;

/**
 * Finds architecture and driver providers: the built-in ones on the host class path, then each
 * {@code *.jar} of the plugin directories, every jar with its own class loader that sees only the
 * plugin API packages ({@link SpiOnlyClassLoader}) and refuses {@code System.exit} and
 * {@code Runtime.exit/halt} ({@link PluginClassLoader}). Blank and duplicate names are problems.
 */
public final class PluginLoader {
    /** Stops a service file that names many broken providers from flooding the report. */
    private static final int MAX_FAILURES = 20;

    private final ClassLoader host;
    private final List<Plugin<ArchitectureProvider>> architectures = new ArrayList<>();
    private final List<Plugin<HotplugDriverProvider>> drivers = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    /** Each jar's version, read once however many providers it holds. */
    private final Map<Path, String> versions = new ConcurrentHashMap<>();

    private PluginLoader(ClassLoader host) {
        this.host = requireNonNull(host, "host is null");
    }

    /** Loads the built-in plugins visible to {@code host} and the jars of {@code directories}, in order. */
    public static PluginRegistry load(ClassLoader host, List<Path> directories) {
        PluginLoader loader = new PluginLoader(host);
        loader.loadFrom(host, true, null);
        // The same directory given twice (or also as <install>/plugins) is searched once, not reported as duplicates of itself.
        Set<Path> seen = new HashSet<>();
        directories.stream().filter(directory -> seen.add(canonical(directory))).forEach(loader::loadDirectory);
        loader.checkNames(loader.architectures, "architecture");
        loader.checkNames(loader.drivers, "driver");
        return new PluginRegistry(loader.architectures, loader.drivers, loader.problems);
    }

    private static Path canonical(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }

    private void loadDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            problems.add("plugin directory " + directory + " does not exist: give --plugins an existing directory");
            return;
        }
        List<Path> jars;
        try (Stream<Path> entries = Files.list(directory)) {
            jars = entries.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            problems.add("cannot list plugin directory " + directory + ": " + e.getMessage());
            return;
        }
        jars.forEach(this::loadJar);
    }

    private void loadJar(Path jar) {
        Optional<String> notAJar = JarCheck.problem(jar);
        if (notAJar.isPresent()) {
            problems.add(jar + ": " + notAJar.get());
            return;
        }
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(jar, host);
        } catch (MalformedURLException e) {
            problems.add(jar + ": " + e.getMessage());
            return;
        }
        int before = architectures.size() + drivers.size();
        loadFrom(loader, false, jar);
        if (architectures.size() + drivers.size() == before && problems.stream().noneMatch(p -> p.startsWith(jar + ":"))) {
            problems.add(jar + (loader.findResource("META-INF/services/" + HotplugDriver.class.getName()) != null
                    ? ": declares a HotplugDriver as a service; declare a HotplugDriverProvider that creates it for each machine"
                            + " instead (@AutoService(HotplugDriverProvider.class))"
                    : ": provides no architecture and no driver (add META-INF/services entries, e.g. with @AutoService, whose"
                            + " processor (com.google.auto.service:auto-service) must be on the compiler's annotation processor path)"));
        }
    }

    /** Loads both kinds from {@code loader}; for a plugin jar ({@code jar != null}) only the classes the jar itself defines. */
    private void loadFrom(ClassLoader loader, boolean builtIn, Path jar) {
        collect(ArchitectureProvider.class, loader, builtIn, jar, architectures,
                provider -> describe("architecture", provider.name(), provider.description(), provider, builtIn));
        collect(HotplugDriverProvider.class, loader, builtIn, jar, drivers,
                provider -> describe("driver", provider.name(), driverDescription(provider), provider, builtIn));
    }

    private <T> void collect(Class<T> service, ClassLoader loader, boolean builtIn, Path jar, List<Plugin<T>> into,
            Function<T, Plugin<T>> describe) {
        String where = jar == null ? "built-in " + service.getSimpleName() : jar.toString();
        Iterator<T> providers = ServiceLoader.load(service, loader).iterator();
        int failures = 0;
        while (true) {
            T instance;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                instance = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // A provider that cannot be loaded or constructed; the next one may still be fine.
                problems.add(where + ": cannot load a " + service.getSimpleName() + ": " + withCauses(e) + linkageHint(e));
                if (++failures >= MAX_FAILURES) {
                    return;
                }
                continue;
            }
            if (!builtIn && instance.getClass().getClassLoader() != loader) {
                continue;
            }
            try {
                into.add(describe.apply(instance));
            } catch (RuntimeException | LinkageError | AssertionError e) {
                problems.add(where + ": " + instance.getClass().getName() + " failed to describe itself: " + withCauses(e)
                        + linkageHint(e));
            }
        }
    }

    /** A class the plugin cannot link is usually one outside the plugin API: say which packages it may use. */
    private static String linkageHint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LinkageError) {
                return " (plugins may use only java.*, " + String.join("*, ", SpiOnlyClassLoader.EXPOSED_PACKAGES) + "*)";
            }
        }
        return "";
    }

    /** Returns {@code e} and its causes on one line, e.g. {@code X: Provider Y could not be instantiated: IllegalStateException: no config}. */
    static String withCauses(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
        int depth = 0;
        for (Throwable cause = e.getCause(); cause != null && cause != e && depth < 5; cause = cause.getCause(), depth++) {
            text.append(": caused by ").append(cause);
        }
        return text.toString();
    }

    private <T> Plugin<T> describe(String kind, String name, String description, T instance, boolean builtIn) {
        Path origin = JarVersions.origin(instance.getClass());
        return new Plugin<>(kind, name == null ? "" : name, description == null ? "" : description,
                () -> versions.computeIfAbsent(origin, JarVersions::version), origin, builtIn, instance);
    }

    private static String driverDescription(HotplugDriverProvider driver) {
        String where = driver.architectures().isEmpty() ? "all architectures" : String.join(", ", driver.architectures().stream().sorted().toList());
        return "order " + driver.order() + ", " + where;
    }

    private <T> void checkNames(List<Plugin<T>> plugins, String kind) {
        Map<String, Plugin<T>> seen = new LinkedHashMap<>();
        for (Plugin<T> plugin : List.copyOf(plugins)) {
            if (plugin.name().isBlank()) {
                problems.add(plugin.origin() + ": " + plugin.instance().getClass().getName() + " has a blank " + kind + " name");
                plugins.remove(plugin);
            } else if (seen.containsKey(plugin.name())) {
                problems.add("duplicate " + kind + " name '" + plugin.name() + "' in " + plugin.origin()
                        + " and " + seen.get(plugin.name()).origin() + ": remove one of the jars");
                plugins.remove(plugin);
            } else {
                seen.put(plugin.name(), plugin);
            }
        }
    }
}
