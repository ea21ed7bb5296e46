package org.hotplugemu.distribution.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import picocli.CommandLine.Command;

/** {@code boot}: boots the machine and prints the kernel log. */
@Command(name = "boot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Boot the machine, print the kernel log (dmesg), and write the --trace file.")
final class BootCommand extends MachineCommand {
    BootCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() {
        EmulatorAssembly assembly = Startup.assemble(machine, plugins, output, streams);
        try (Machine booted = Startup.boot(assembly, machine.cpus, streams)) {
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("architecture", booted.architecture());
                json.put("profile", booted.profile().name());
                json.put("engine", booted.engineName());
                json.put("seed", booted.seed());
                json.put("cpus", booted.cpus());
                json.put("online", booted.read("/sys/devices/system/cpu/online").strip());
                json.put("bootNanos", booted.nanoTime());
                json.put("dmesg", booted.dmesg());
                streams.out().println(Json.write(json));
            } else {
                booted.dmesg().forEach(streams.out()::println);
            }
            streams.out().flush();
            return Startup.writeTrace(assembly, booted, 0, streams);
        }
    }
}
