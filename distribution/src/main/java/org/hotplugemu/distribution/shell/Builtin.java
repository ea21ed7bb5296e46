package org.hotplugemu.distribution.shell;

import java.util.List;

/** One shell command: runs with its arguments and returns its exit status, printing its own errors. */
interface Builtin {
    /** Returns the one-line usage {@code help} prints. */
    String usage();

    /** Rejects arguments that make a script wrong before anything runs; the default accepts all. */
    default void validate(List<String> arguments) {
    }

    int run(List<String> arguments, CommandIo io);
}
