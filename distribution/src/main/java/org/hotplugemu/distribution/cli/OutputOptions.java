package org.hotplugemu.distribution.cli;

import picocli.CommandLine.Option;

/** {@code --json} and {@code --verbose}, common to every command. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print JSON instead of text (boot, states, plugins).")
    boolean json;

    @Option(names = "--verbose", description = "Log each plugin loaded, and print stack traces of errors.")
    boolean verbose;

    public boolean json() {
        return json;
    }

    public boolean verbose() {
        return verbose;
    }
}
