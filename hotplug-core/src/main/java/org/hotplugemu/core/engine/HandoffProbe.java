package org.hotplugemu.core.engine;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.sched.Completion;

/**
 * Measures how long one handoff between two emulated threads takes, without JMH, for a quick
 * {@code bench} command: two threads ping-pong through two completions. Experimental.
 */
public final class HandoffProbe {
    private HandoffProbe() {
    }

    /**
     * Runs {@code handoffs} handoffs (rounded up to an even number) on a fresh engine called
     * {@code engineName} and returns the average wall-clock nanoseconds per handoff.
     */
    public static double measure(String engineName, int handoffs) {
        if (handoffs < 2) {
            throw new HotplugException(Errno.EINVAL, "handoffs " + handoffs + " must be at least 2");
        }
        int rounds = (handoffs + 1) / 2;
        try (Engine engine = Engines.create(engineName, EngineOptions.defaults())) {
            long elapsed = engine.execute("ping", 0, () -> pingPong(engine, rounds));
            return (double) elapsed / (2L * rounds);
        }
    }

    /** Returns the wall-clock nanoseconds of {@code rounds} round trips, from the calling emulated thread. */
    static long pingPong(Engine engine, int rounds) {
        Completion ping = engine.newCompletion("ping");
        Completion pong = engine.newCompletion("pong");
        engine.spawn("pong", 1, () -> {
            for (int i = 0; i < rounds; i++) {
                ping.await();
                pong.complete();
            }
        });
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            ping.complete();
            pong.await();
        }
        return System.nanoTime() - start;
    }
}
