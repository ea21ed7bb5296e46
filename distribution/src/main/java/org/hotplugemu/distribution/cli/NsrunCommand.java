package org.hotplugemu.distribution.cli;

import java.util.List;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.distribution.wiring.StartupException;
import org.hotplugemu.fuse.MachineTree;
import org.hotplugemu.fuse.NamespaceRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nsrun -- CMD [ARG...]}: runs a command in a mount namespace where the machine's files replace the host's. */
@Command(name = "nsrun", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Boot the machine, mount its files, and run CMD in a private mount namespace where"
                + " /sys/devices/system/cpu, /proc/cpuinfo, /sys/kernel/tracing and /sys/kernel/debug are the emulator's.",
            "Put -- before CMD. Exits with CMD's status; 2 when the namespace cannot be set up or is not the emulator's"
                + " (CMD then does not run). The host's files are never touched. Needs root, FUSE and util-linux's unshare.",
            "CMD finds the mounted root in $HOTPLUG_EMU_ROOT (kernel log: $HOTPLUG_EMU_ROOT/var/log/dmesg)."})
final class NsrunCommand extends MachineCommand {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "CMD", description = "The command and its arguments.")
    List<String> command;

    NsrunCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() {
        if (!java.nio.file.Files.exists(java.nio.file.Path.of("/dev/fuse"))) {
            throw new StartupException(List.of("/dev/fuse is missing: load the fuse module (modprobe fuse)"));
        }
        EmulatorAssembly assembly = Startup.assemble(machine, plugins, output, streams);
        try (Machine booted = Startup.boot(assembly, machine.cpus, streams)) {
            boolean inherit = streams.out() == System.out && streams.err() == System.err;
            int status;
            try {
                status = new NamespaceRun(new MachineTree(booted)).run(command, inherit ? null : streams.out(), inherit ? null : streams.err());
            } catch (HotplugException e) {
                throw new StartupException(List.of("nsrun: " + e.getMessage()));
            }
            assembly.traceOutput().writeFrom(booted);
            return status;
        } finally {
            streams.out().flush();
        }
    }
}
