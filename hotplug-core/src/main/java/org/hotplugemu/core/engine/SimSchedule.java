package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * How the {@code sim} engine explores interleavings, chosen with {@code emu.sched} and
 * {@code emu.sched_window_us}. Experimental.
 *
 * <ul>
 *   <li>{@code random} (default): the seed picks among threads runnable at the same virtual instant;
 *       the timing model is exact, so threads whose wake-ups are apart never swap.
 *   <li>{@code jitter}: on top of that, every timed wake-up (sleep, udelay, a wait with a timeout)
 *       happens a seeded random amount later, uniformly in {@code [0, window]}, as interrupts, timer
 *       slack and steal time make it on real hardware. Threads on different CPUs whose work overlaps
 *       within the window interleave differently per seed. No wake-up is ever early and none is late
 *       by more than the window.
 *   <li>{@code pct}: jitter, plus PCT-style priorities (Burckhardt et al.): each thread gets a
 *       seeded random priority when spawned and, among threads runnable at once, the highest runs;
 *       at {@code depth - 1} seeded switch numbers the running thread drops below every other.
 * </ul>
 *
 * @param strategy which of the above
 * @param windowNanos the jitter bound; 0 for {@code random}
 */
public record SimSchedule(Strategy strategy, long windowNanos) {
    /** Default jitter window: 1 ms, a few timer ticks' worth of wake-up slack. */
    public static final long DEFAULT_WINDOW_NANOS = Duration.ofMillis(1).toNanos();
    /** PCT bug depth d: how many priority change points (d - 1) a run gets. */
    static final int PCT_DEPTH = 3;
    /** PCT places its change points among the first this many switches of a run. */
    static final long PCT_HORIZON = 20_000;

    /** The scheduling strategies of the {@code sim} engine. */
    public enum Strategy {
        RANDOM, JITTER, PCT;

        String kernelName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SimSchedule {
        requireNonNull(strategy, "strategy is null");
        if (windowNanos < 0) {
            throw new HotplugException(Errno.EINVAL, "emu.sched_window_us must not be negative, not " + windowNanos / 1000);
        }
    }

    /** Today's exact timing model with random choice among ties. */
    public static SimSchedule random() {
        return new SimSchedule(Strategy.RANDOM, 0);
    }

    /**
     * Parses the kernel parameters' values: {@code name} is {@code random}, {@code jitter} or
     * {@code pct}; {@code windowMicros} is the window, or -1 for the default.
     *
     * @throws HotplugException EINVAL for an unknown name
     */
    public static SimSchedule parse(String name, long windowMicros) {
        requireNonNull(name, "name is null");
        Strategy strategy = Arrays.stream(Strategy.values()).filter(s -> s.kernelName().equals(name)).findFirst()
                .orElseThrow(() -> new HotplugException(Errno.EINVAL, "emu.sched=" + name + " is not a strategy: use random, jitter or pct"));
        if (windowMicros < -1) {
            throw new HotplugException(Errno.EINVAL, "emu.sched_window_us must not be negative, not " + windowMicros);
        }
        long window = strategy == Strategy.RANDOM ? 0 : windowMicros < 0 ? DEFAULT_WINDOW_NANOS : windowMicros * 1_000;
        return new SimSchedule(strategy, window);
    }

    boolean jitters() {
        return strategy != Strategy.RANDOM && windowNanos > 0;
    }

    boolean prioritised() {
        return strategy == Strategy.PCT;
    }

    @Override
    public String toString() {
        return strategy.kernelName() + (strategy == Strategy.RANDOM ? "" : " window " + windowNanos / 1000 + " us");
    }
}
