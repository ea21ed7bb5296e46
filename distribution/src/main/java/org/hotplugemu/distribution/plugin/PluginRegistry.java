package org.hotplugemu.distribution.plugin;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.driver.HotplugDriverProvider;

/**
 * Every architecture and driver provider found at startup, sorted by name, and the problems met while
 * loading them (one line each).
 */
public record PluginRegistry(List<Plugin<ArchitectureProvider>> architectures, List<Plugin<HotplugDriverProvider>> drivers, List<String> problems) {
    public PluginRegistry {
        architectures = architectures.stream().sorted(Comparator.comparing(Plugin::name)).toList();
        drivers = drivers.stream().sorted(Comparator.comparing(Plugin::name)).toList();
        problems = List.copyOf(problems);
    }

    public Optional<ArchitectureProvider> architecture(String name) {
        return architectures.stream().filter(plugin -> plugin.name().equals(name)).map(Plugin::instance).findFirst();
    }

    public List<String> architectureNames() {
        return architectures.stream().map(Plugin::name).toList();
    }

    /**
     * Returns the providers of the drivers that exist on {@code architecture} (those declaring no
     * architecture exist on all), in registration order.
     */
    public List<HotplugDriverProvider> driversFor(String architecture) {
        return drivers.stream().map(Plugin::instance)
                .filter(provider -> provider.appliesTo(architecture))
                .sorted(HotplugDriverProvider.REGISTRATION_ORDER)
                .toList();
    }
}
