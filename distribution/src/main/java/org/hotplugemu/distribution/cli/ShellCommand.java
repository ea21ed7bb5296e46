package org.hotplugemu.distribution.cli;

import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.shell.InteractiveShell;
import org.hotplugemu.distribution.shell.Interpreter;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import picocli.CommandLine.Command;

/** {@code shell}: boots the machine and opens the interactive shell. */
@Command(name = "shell", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Boot the machine and open an interactive shell over its files (type help).")
final class ShellCommand extends MachineCommand {
    ShellCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() {
        EmulatorAssembly assembly = Startup.assemble(machine, plugins, output, streams);
        try (Machine booted = Startup.boot(assembly, machine.cpus, streams)) {
            int status = new InteractiveShell(booted, new Interpreter(booted, streams.out(), streams.err(), output.verbose())).run();
            return Startup.writeTrace(assembly, booted, status, streams);
        }
    }
}
