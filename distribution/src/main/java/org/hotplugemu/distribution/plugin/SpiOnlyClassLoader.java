package org.hotplugemu.distribution.plugin;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The parent of every plugin jar's class loader: it shows the JDK and the plugin API packages of
 * the host, and nothing else, so that plugins cannot reach the emulator's internals or clash with
 * its libraries. Host resources (including {@code META-INF/services}) stay hidden.
 */
final class SpiOnlyClassLoader extends ClassLoader {
    /** Packages a plugin may use: the plugin API (hotplug-api) and the architecture SPI. */
    static final List<String> EXPOSED_PACKAGES = List.of("org.hotplugemu.api.", "org.hotplugemu.arch.spi.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    SpiOnlyClassLoader(ClassLoader host) {
        super("hotplug-emu-plugin-api", ClassLoader.getPlatformClassLoader());
        this.host = requireNonNull(host, "host is null");
    }

    static boolean exposed(String className) {
        return EXPOSED_PACKAGES.stream().anyMatch(className::startsWith);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (exposed(name)) {
            return host.loadClass(name);
        }
        // The platform loader: java.*, javax.* and the other JDK modules; anything else is hidden.
        // On the module path the platform loader also finds, by name, classes of the application's
        // named modules (it delegates to the loader of the module that owns a package): only
        // classes the boot or platform loader defines count as the JDK's.
        Class<?> type = super.loadClass(name, resolve);
        ClassLoader definer = type.getClassLoader();
        if (definer != null && definer != getParent()) {
            throw new ClassNotFoundException(name + " (plugins see only the JDK and the plugin API)");
        }
        return type;
    }
}
