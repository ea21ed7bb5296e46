package org.hotplugemu.distribution.explore;

import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.sched.KernelBugException;
import org.hotplugemu.core.driver.DriverRegistrationException;
import org.hotplugemu.core.engine.EngineFailureException;
import org.hotplugemu.core.engine.HangException;

/**
 * A check that failed inside a scenario, before it is shrunk into a {@link Finding}.
 *
 * @param kind the failure kind, the key of the summary's "failed by kind" column
 * @param message what was seen
 * @param detail the kernel log that shows it, for a reproducer that cannot print it itself; may be empty
 */
record Problem(String kind, String message, String detail) {
    Problem(String kind, String message) {
        this(kind, message, "");
    }

    /**
     * Whether {@code e} is an operation failing cleanly with an errno, as the kernel's return value
     * would: a plain {@link HotplugException}, or a driver's {@code register()} passing such a failure
     * on. Hangs, crashes and anything a driver threw on its own are not clean.
     */
    static boolean isCleanFailure(HotplugException e) {
        if (e instanceof DriverRegistrationException && e.getCause() instanceof HotplugException cause) {
            return isCleanFailure(cause);
        }
        return e.getClass() == HotplugException.class;
    }

    /** Classifies an exception an operation threw where none, or only a clean errno, was expected. */
    static Problem of(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("possible circular locking dependency detected") || message.contains("possible recursive locking detected")) {
            return new Problem("lockdep", message);
        }
        Throwable what = e instanceof DriverRegistrationException && e.getCause() != null ? e.getCause() : e;
        String kind = what instanceof HangException hang ? hang.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                : what instanceof EngineFailureException || what instanceof KernelBugException ? "crash" : "error";
        return new Problem(kind, String.valueOf(e.getMessage()));
    }
}
