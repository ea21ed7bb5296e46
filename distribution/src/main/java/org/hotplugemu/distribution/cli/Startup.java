package org.hotplugemu.distribution.cli;

import java.util.function.IntConsumer;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.plugin.Plugin;
import org.hotplugemu.distribution.plugin.PluginRegistry;
import org.hotplugemu.distribution.progress.ProgressBar;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.distribution.wiring.MachineSettings;

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
        } catch (RuntimeException e) {
            machine.close();
            throw e;
        } finally {
            ProgressBar.finish(progress);
        }
        return machine;
    }
}
