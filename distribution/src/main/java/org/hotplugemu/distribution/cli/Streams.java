package org.hotplugemu.distribution.cli;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command uses, so that tests can run commands in-process. */
public record Streams(InputStream in, PrintStream out, PrintStream err) {
    public Streams {
        requireNonNull(in, "in is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
    }

    public static Streams system() {
        return new Streams(System.in, System.out, System.err);
    }
}
