package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * How an engine is set up: the scheduling seed, the hang watchdogs and, for {@code threads}, how
 * much real time one unit of engine time takes. Experimental.
 *
 * @param seed seed of the {@code sim} scheduler's choices
 * @param hungTaskTimeout engine time after which a root that has not finished, and under {@code sim} has not run
 *     either, is reported hung
 * @param timeScale {@code threads} only: real time = engine time * timeScale
 * @param softLockupThreshold real time an emulated thread may run without reaching an engine
 *     primitive before it is reported as a soft lockup; zero disables the watchdog
 * @param livelockSwitches {@code sim} only: switches at one virtual instant after which the run is
 *     reported as a livelock; zero disables the check
 * @param schedule {@code sim} only: how the seed explores interleavings
 */
public record EngineOptions(long seed, Duration hungTaskTimeout, double timeScale, Duration softLockupThreshold,
        long livelockSwitches, SimSchedule schedule) {
    /** The kernel's default {@code hung_task_timeout_secs}. */
    public static final Duration DEFAULT_HUNG_TASK_TIMEOUT = Duration.ofSeconds(120);
    /**
     * Default soft-lockup threshold: half the kernel's 20 s (twice {@code watchdog_thresh}), since an
     * emulated thread that reaches no engine primitive for that long is stuck, yet long enough that
     * a GC pause on a loaded machine does not trip it.
     */
    public static final Duration DEFAULT_SOFT_LOCKUP_THRESHOLD = Duration.ofSeconds(10);
    /** Default livelock limit: far above what any hotplug operation switches at one instant. */
    public static final long DEFAULT_LIVELOCK_SWITCHES = 1_000_000;

    public EngineOptions {
        requireNonNull(hungTaskTimeout, "hungTaskTimeout is null");
        requireNonNull(softLockupThreshold, "softLockupThreshold is null");
        requireNonNull(schedule, "schedule is null");
        if (hungTaskTimeout.isNegative() || hungTaskTimeout.isZero()) {
            throw new HotplugException(Errno.EINVAL,
                    "hung task timeout " + hungTaskTimeout + " must be positive");
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new HotplugException(Errno.EINVAL,
                    "time scale " + timeScale + " must be a positive finite number, e.g. 1.0");
        }
        if (softLockupThreshold.isNegative()) {
            throw new HotplugException(Errno.EINVAL,
                    "soft lockup threshold " + softLockupThreshold + " must be positive, or zero to disable it");
        }
        if (livelockSwitches < 0) {
            throw new HotplugException(Errno.EINVAL,
                    "livelock switches " + livelockSwitches + " must be positive, or zero to disable the check");
        }
    }

    /** Options with the default watchdogs and the {@code random} schedule. */
    public EngineOptions(long seed, Duration hungTaskTimeout, double timeScale) {
        this(seed, hungTaskTimeout, timeScale, DEFAULT_SOFT_LOCKUP_THRESHOLD, DEFAULT_LIVELOCK_SWITCHES, SimSchedule.random());
    }

    /** Options with {@code seed}, the default watchdogs, the default hung-task timeout and real-time speed. */
    public EngineOptions(long seed) {
        this(seed, DEFAULT_HUNG_TASK_TIMEOUT, 1.0);
    }

    /** Options with seed 0, the default watchdogs and real-time speed. */
    public static EngineOptions defaults() {
        return new EngineOptions(0);
    }

    public EngineOptions withHungTaskTimeout(Duration timeout) {
        return new EngineOptions(seed, timeout, timeScale, softLockupThreshold, livelockSwitches, schedule);
    }

    public EngineOptions withTimeScale(double scale) {
        return new EngineOptions(seed, hungTaskTimeout, scale, softLockupThreshold, livelockSwitches, schedule);
    }

    /** Returns these options with the soft-lockup watchdog at {@code threshold} of real time (zero: off). */
    public EngineOptions withSoftLockupThreshold(Duration threshold) {
        return new EngineOptions(seed, hungTaskTimeout, timeScale, threshold, livelockSwitches, schedule);
    }

    /** Returns these options with the {@code sim} livelock check at {@code switches} (zero: off). */
    public EngineOptions withLivelockSwitches(long switches) {
        return new EngineOptions(seed, hungTaskTimeout, timeScale, softLockupThreshold, switches, schedule);
    }

    /** Returns these options with the {@code sim} scheduler exploring interleavings by {@code newSchedule}. */
    public EngineOptions withSchedule(SimSchedule newSchedule) {
        return new EngineOptions(seed, hungTaskTimeout, timeScale, softLockupThreshold, livelockSwitches, newSchedule);
    }
}
