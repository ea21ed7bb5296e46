package org.hotplugemu.distribution.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.arch.spi.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.core.profile.Profiles;
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

    private Profile architectureDefault() {
        EmulatorAssembly assembly = Startup.assemble(machine, plugins, output, streams);
        try (Machine unbooted = assembly.createMachine(cpusUp -> { })) {
            return unbooted.profile();
        }
    }
}
