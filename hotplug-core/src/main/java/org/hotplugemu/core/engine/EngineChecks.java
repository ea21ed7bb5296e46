package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.sched.KernelBugException;

/** Argument checks, the might_sleep splat and time formatting shared by both engines. */
final class EngineChecks {
    private static final long MAX_DURATION_SECONDS = 1_000_000L;

    private EngineChecks() {
    }

    /** Validates an engine duration; {@code caller} names the calling thread for the message. */
    static long toNanos(Duration duration, String method, java.util.function.Supplier<String> caller) {
        requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
            throw new HotplugException(Errno.EINVAL, method + ": negative duration " + duration
                    + " from " + caller.get() + "; durations must be >= 0");
        }
        if (duration.getSeconds() >= MAX_DURATION_SECONDS) {
            throw new HotplugException(Errno.EINVAL, method + ": absurd duration " + duration
                    + " from " + caller.get() + "; use less than 1000000 seconds");
        }
        return duration.toNanos();
    }

    /**
     * The kernel's might_sleep(): blocking in atomic context is a bug of the emulated code, reported
     * by the engine's handler (after which the caller blocks as asked) or, without one, thrown.
     */
    static void mightSleep(Task self, String where) {
        if (self.atomicDepth > 0) {
            java.util.function.Consumer<String> handler = self.engine.sleepInAtomic;
            if (handler != null) {
                handler.accept(where);
                return;
            }
            throw new KernelBugException("BUG: sleeping function called from invalid context at " + where
                    + ", in_atomic(): 1, name: " + self.name + ", pid: " + self.pid);
        }
    }

    /** Rethrows the root body's exception as execute promises. */
    static RuntimeException rethrow(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        throw new HotplugException(Errno.EIO, "execute body threw " + error, error);
    }
}
