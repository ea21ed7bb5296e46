package org.hotplugemu.distribution.shell;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import org.hotplugemu.core.machine.Machine;

/**
 * What a running command sees: the machine, where its output goes (maybe a redirection), stderr,
 * and whether failures print their Java stack.
 */
record CommandIo(Machine machine, StringBuilder out, PrintStream err, boolean verbose) {
    CommandIo {
        requireNonNull(machine, "machine is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
    }
}
