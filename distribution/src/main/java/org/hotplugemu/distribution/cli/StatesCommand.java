package org.hotplugemu.distribution.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.profile.Profiles;
import org.hotplugemu.distribution.plugin.PluginRegistry;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.distribution.wiring.StartupException;
import picocli.CommandLine.Command;

/** {@code states}: prints a profile's state table without booting. */
@Command(name = "states", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the state table of --profile (or of the --arch default): number, enum name, section, sysfs name.")
final class StatesCommand extends MachineCommand {
    StatesCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() {
        Profile profile = machine.profile != null ? named(machine.profile) : architectureDefault();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("profile", profile.name());
            json.put("kernel", profile.kernel());
            json.put("arch", profile.arch());
            List<Map<String, Object>> states = profile.states().stream().map(state -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("number", state.number());
                entry.put("enumName", state.enumName());
                entry.put("name", state.name());
                entry.put("cantStop", state.cantStop());
                return entry;
            }).toList();
            json.put("states", states);
            streams.out().println(Json.write(json));
        } else {
            streams.out().print(Profiles.render(profile));
        }
        streams.out().flush();
        return 0;
    }

    private static Profile named(String nameOrPath) {
        try {
            return Profiles.load(nameOrPath);
        } catch (HotplugException e) {
            throw new StartupException(List.of(e.getMessage()));
        }
    }

    /**
     * Asks the architecture for its default profile on the smallest machine it makes: no Guice graph,
     * no drivers, nothing booted (the state table does not depend on them).
     */
    private Profile architectureDefault() {
        PluginRegistry registry = EmulatorAssembly.loadPlugins(plugins.searchPath());
        List<String> problems = new ArrayList<>(registry.problems());
        Optional<ArchitectureProvider> architecture = registry.architecture(machine.architecture);
        if (architecture.isEmpty()) {
            problems.add("unknown architecture '" + machine.architecture + "' (--arch): available: "
                    + String.join(", ", registry.architectureNames()));
        }
        if (!problems.isEmpty()) {
            throw new StartupException(problems);
        }
        try (Machine unbooted = new MachineBuilder().architecture(architecture.get()).cpus(1).build()) {
            return unbooted.profile();
        } catch (HotplugException e) {
            throw new StartupException(List.of(e.getMessage()), e);
        }
    }
}
