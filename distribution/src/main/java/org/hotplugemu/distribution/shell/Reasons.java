package org.hotplugemu.distribution.shell;

import java.io.PrintStream;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * Prints why a read or write failed, on the line after the shell's own errno line: the message of
 * the emulator's exception (several lines for a hang or deadlock report), and its stack when verbose.
 */
final class Reasons {
    private Reasons() {
    }

    static void print(HotplugException e, PrintStream err, boolean verbose) {
        String message = e.getMessage();
        if (message != null && !message.isBlank()) {
            err.println("hotplug-emu: " + message.stripTrailing());
        }
        if (verbose) {
            e.printStackTrace(err);
        }
    }
}
