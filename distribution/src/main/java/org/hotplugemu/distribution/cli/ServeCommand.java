package org.hotplugemu.distribution.cli;

import java.io.IOException;
import java.util.List;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.qmp.QmpAddress;
import org.hotplugemu.distribution.qmp.QmpServer;
import org.hotplugemu.distribution.qmp.SmpOption;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.distribution.wiring.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: boots the machine and answers QMP like QEMU 7.2 with a Linux guest, until {@code quit} or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Boot the machine and serve a QEMU-compatible QMP monitor (CPU hot-plug) until quit or SIGTERM.")
final class ServeCommand extends MachineCommand {
    @Option(names = "--qmp", paramLabel = "unix:PATH|tcp:HOST:PORT", required = true,
            description = "Where to listen, in QEMU's -qmp syntax (,server=on,wait=off are implied).")
    String qmp;

    @Option(names = "--smp", paramLabel = "N[,maxcpus=M][,sockets=S,cores=C,threads=T]",
            description = "CPU slots in QEMU's -smp syntax: N present at boot, M possible (default: all --cpus present).")
    String smp;

    @Option(names = "--auto-online", description = "Online hot-added CPUs at once, as a udev rule would (default: they stay offline).")
    boolean autoOnline;

    ServeCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() throws IOException {
        QmpAddress address = QmpAddress.parse(qmp);
        SmpOption slots = smp != null ? SmpOption.parse(smp) : new SmpOption(machine.cpus, machine.cpus, 1, machine.cpus / machine.threadsPerCore, machine.threadsPerCore);
        if (smp != null) {
            machine.cpus = slots.maxCpus();
            machine.threadsPerCore = slots.threads();
        }
        EmulatorAssembly assembly = Startup.assemble(machine, plugins, output, streams);
        try (Machine booted = assembly.createMachine(cpus -> { }, builder -> builder.presentCpus(slots.cpus()))) {
            booted.boot();
            booted.systemDevices().setAutoOnline(autoOnline);
            try (QmpServer server = QmpServer.create(address, booted, slots, streams.err(), output.verbose())) {
                String where;
                try {
                    where = server.bind();
                } catch (IOException e) {
                    throw new StartupException(List.of("--qmp " + qmp + ": cannot listen: " + e.getMessage()));
                }
                Runnable stop = Signals.onTerminate(() -> {
                    streams.err().println("hotplug-emu: terminating on signal 15");
                    server.close();
                });
                streams.err().println("hotplug-emu: QMP listening on " + where);
                streams.err().flush();
                try {
                    server.serve();
                } finally {
                    stop.run();
                }
            }
            assembly.traceOutput().writeFrom(booted);
        }
        return 0;
    }
}
