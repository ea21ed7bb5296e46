package org.hotplugemu.distribution.cli;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.IntConsumer;
import org.hotplugemu.core.driver.DriverRegistrationException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.plugin.Plugin;
import org.hotplugemu.distribution.plugin.PluginRegistry;
import org.hotplugemu.distribution.progress.ProgressBar;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.distribution.wiring.MachineSettings;
import org.hotplugemu.distribution.wiring.StartupException;

/** The startup steps the machine commands share: plugins, wiring, building and booting the machine. */
final class Startup {
    private Startup() {
    }

    /** Loads the plugins (logging each with {@code --verbose}) and wires the emulator. */
    static EmulatorAssembly assemble(MachineOptions machine, PluginOptions plugins, OutputOptions output, Streams streams) {
        MachineSettings settings = machine.settings(plugins);
        PluginRegistry registry = EmulatorAssembly.loadPlugins(settings.pluginDirectories());
        if (output.verbose()) {
            registry.architectures().forEach(plugin -> log(plugin, streams));
            registry.drivers().forEach(plugin -> log(plugin, streams));
        }
        return EmulatorAssembly.assemble(settings, registry);
    }

    private static void log(Plugin<?> plugin, Streams streams) {
        streams.err().println("hotplug-emu: loaded " + plugin.kind() + " " + plugin.name() + " " + plugin.version() + " from " + plugin.origin());
    }

    /** Builds and boots the machine, with a progress bar when stderr is a terminal. */
    static Machine boot(EmulatorAssembly assembly, int cpus, Streams streams) {
        IntConsumer progress = ProgressBar.forTerminal(streams.err(), "booting CPUs", cpus);
        Machine machine = assembly.createMachine(progress);
        try {
            machine.boot();
        } catch (DriverRegistrationException e) {
            machine.close();
            throw new StartupException(List.of(e.getMessage()), e);
        } catch (RuntimeException | Error e) {
            machine.close();
            throw e;
        } finally {
            ProgressBar.finish(progress);
        }
        return machine;
    }

    /**
     * Writes the {@code --trace} file at exit and returns the command's status: {@code status}, or 1
     * when it was 0 and the trace could not be written (the reason printed, the run's own status kept).
     */
    static int writeTrace(EmulatorAssembly assembly, Machine machine, int status, Streams streams) {
        try {
            assembly.traceOutput().writeFrom(machine);
            return status;
        } catch (UncheckedIOException e) {
            streams.err().println("hotplug-emu: " + e.getMessage());
            return status != 0 ? status : 1;
        }
    }
}
