package org.hotplugemu.distribution.cli;

import picocli.CommandLine.Mixin;

/** A subcommand that builds a machine: it takes the machine options and the plugin search path. */
abstract class MachineCommand extends EmulatorCommand {
    @Mixin
    MachineOptions machine;

    @Mixin
    PluginOptions plugins;

    MachineCommand(Streams streams) {
        super(streams);
    }
}
