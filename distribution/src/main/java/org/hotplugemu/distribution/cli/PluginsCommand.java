package org.hotplugemu.distribution.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.distribution.plugin.Plugin;
import org.hotplugemu.distribution.plugin.PluginRegistry;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.distribution.wiring.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code plugins}: lists the architectures and drivers found, with version and jar. */
@Command(name = "plugins", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the architectures and drivers found (built in, in <install>/plugins and in --plugins DIR).")
final class PluginsCommand extends EmulatorCommand {
    @Mixin
    PluginOptions plugins;

    PluginsCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() {
        PluginRegistry registry = EmulatorAssembly.loadPlugins(plugins.searchPath());
        if (!registry.problems().isEmpty()) {
            throw new StartupException(registry.problems());
        }
        List<Plugin<?>> all = new ArrayList<>(registry.architectures());
        all.addAll(registry.drivers());
        if (output.json()) {
            List<Map<String, Object>> json = all.stream().map(PluginsCommand::toJson).toList();
            streams.out().println(Json.write(json));
        } else {
            for (Plugin<?> plugin : all) {
                streams.out().printf("%-12s %-20s %-16s %s%n    %s%n", plugin.kind(), plugin.name(), plugin.version(),
                        plugin.origin(), plugin.description());
            }
        }
        streams.out().flush();
        return 0;
    }

    private static Map<String, Object> toJson(Plugin<?> plugin) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", plugin.kind());
        entry.put("name", plugin.name());
        entry.put("version", plugin.version());
        entry.put("jar", plugin.origin().toString());
        entry.put("builtIn", plugin.builtIn());
        entry.put("description", plugin.description());
        return entry;
    }
}
