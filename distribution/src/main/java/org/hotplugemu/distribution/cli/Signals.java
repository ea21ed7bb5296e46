package org.hotplugemu.distribution.cli;

/** SIGTERM handling for long-running commands, so they stop cleanly and exit 0 as QEMU does. */
final class Signals {
    private Signals() {
    }

    /**
     * Runs {@code action} on SIGTERM instead of exiting at once; returns what restores the default.
     * Where the JDK offers no signal API the default (exit 143 through shutdown hooks) stays.
     */
    @SuppressWarnings("restriction")
    static Runnable onTerminate(Runnable action) {
        try {
            sun.misc.Signal term = new sun.misc.Signal("TERM");
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(term, signal -> action.run());
            return () -> sun.misc.Signal.handle(term, previous);
        } catch (IllegalArgumentException | LinkageError e) {
            return () -> { };
        }
    }
}
