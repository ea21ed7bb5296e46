package org.hotplugemu.api.driver;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.apiguardian.api.API;

/**
 * A per-CPU kernel thread managed by smpboot ({@code struct smp_hotplug_thread}), e.g.
 * {@code ksoftirqd/%u}: created parked at {@code threads:prepare}, unparked at
 * {@code smpboot/threads:online}, parked again going down. Its loop runs {@code run} while
 * {@code shouldRun} is true and otherwise sleeps until {@link SmpbootThreads#wake}.
 *
 * <p>{@code park} and {@code unpark} run on the thread itself before it parks and after it is
 * unparked ({@code park}/{@code unpark} hooks).
 */
@API(status = STABLE, since = "0.1")
public record SmpbootThread(String nameFormat, IntPredicate shouldRun, IntConsumer run, IntConsumer park, IntConsumer unpark) {
    public SmpbootThread {
        requireNonNull(nameFormat, "nameFormat is null");
        requireNonNull(shouldRun, "shouldRun is null");
        requireNonNull(run, "run is null");
        requireNonNull(park, "park is null");
        requireNonNull(unpark, "unpark is null");
        if (!nameFormat.contains("%u")) {
            throw new IllegalArgumentException("smpboot thread name '" + nameFormat + "' has no %u for the CPU number");
        }
    }

    public static SmpbootThread of(String nameFormat, IntPredicate shouldRun, IntConsumer run) {
        return new SmpbootThread(nameFormat, shouldRun, run, cpu -> {}, cpu -> {});
    }
}
