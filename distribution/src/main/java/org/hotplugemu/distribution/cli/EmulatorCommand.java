package org.hotplugemu.distribution.cli;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** What every subcommand has: the streams it prints to and the output options ({@code --json}, {@code --verbose}). */
abstract class EmulatorCommand implements Callable<Integer>, Verbosity {
    final Streams streams;

    @Mixin
    OutputOptions output;

    EmulatorCommand(Streams streams) {
        this.streams = requireNonNull(streams, "streams is null");
    }

    @Override
    public boolean verbose() {
        return output.verbose();
    }
}
