package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;

/**
 * How an engine is set up: the scheduling seed, the hung-task timeout and, for {@code threads},
 * how much real time one unit of engine time takes. Experimental.
 *
 * @param seed seed of the {@code sim} scheduler's choices
 * @param hungTaskTimeout engine time after which a root that has not finished is reported hung
 * @param timeScale {@code threads} only: real time = engine time * timeScale
 * @param schedule {@code sim} only: how the seed explores interleavings
 */
public record EngineOptions(long seed, Duration hungTaskTimeout, double timeScale, SimSchedule schedule) {
    /** The kernel's default {@code hung_task_timeout_secs}. */
    public static final Duration DEFAULT_HUNG_TASK_TIMEOUT = Duration.ofSeconds(120);

    public EngineOptions {
        requireNonNull(hungTaskTimeout, "hungTaskTimeout is null");
        requireNonNull(schedule, "schedule is null");
        if (hungTaskTimeout.isNegative() || hungTaskTimeout.isZero()) {
            throw new HotplugException(Errno.EINVAL,
                    "hung task timeout " + hungTaskTimeout + " must be positive");
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new HotplugException(Errno.EINVAL,
                    "time scale " + timeScale + " must be a positive finite number, e.g. 1.0");
        }
    }

    /** Options with the {@code random} schedule. */
    public EngineOptions(long seed, Duration hungTaskTimeout, double timeScale) {
        this(seed, hungTaskTimeout, timeScale, SimSchedule.random());
    }

    /** Options with {@code seed}, the default hung-task timeout and real-time speed. */
    public EngineOptions(long seed) {
        this(seed, DEFAULT_HUNG_TASK_TIMEOUT, 1.0);
    }

    /** Options with seed 0, the default hung-task timeout and real-time speed. */
    public static EngineOptions defaults() {
        return new EngineOptions(0);
    }

    public EngineOptions withSeed(long newSeed) {
        return new EngineOptions(newSeed, hungTaskTimeout, timeScale, schedule);
    }

    public EngineOptions withHungTaskTimeout(Duration timeout) {
        return new EngineOptions(seed, timeout, timeScale, schedule);
    }

    public EngineOptions withTimeScale(double scale) {
        return new EngineOptions(seed, hungTaskTimeout, scale, schedule);
    }

    public EngineOptions withSchedule(SimSchedule newSchedule) {
        return new EngineOptions(seed, hungTaskTimeout, timeScale, newSchedule);
    }
}
