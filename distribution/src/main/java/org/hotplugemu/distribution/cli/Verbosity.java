package org.hotplugemu.distribution.cli;

/** A command that knows whether the user asked for {@code --verbose}. */
public interface Verbosity {
    boolean verbose();
}
