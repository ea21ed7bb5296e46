package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hotplugemu.api.sched.Completion;
import org.junit.jupiter.api.Test;

class SimEngineSchedulingTest {
    private static List<String> runWorkload(long seed) {
        try (Engine engine = Engines.create("sim", new EngineOptions(seed))) {
            return RandomWorkload.run(engine, 64, 1000);
        }
    }

    @Test
    void sameSeedGivesIdenticalEventLog() {
        List<String> first = runWorkload(7);
        List<String> second = runWorkload(7);

        assertThat(first).hasSize(1000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedsGiveDifferentInterleavings() {
        List<String> first = runWorkload(1);
        List<String> second = runWorkload(2);

        assertThat(second).hasSameSizeAs(first).isNotEqualTo(first);
    }

    @Test
    void sleepAdvancesVirtualTimeExactlyWithoutRealSleeping() {
        try (Engine engine = Engines.create("sim", EngineOptions.defaults())) {
            long wallStart = System.nanoTime();
            long elapsed = engine.execute("sleeper", 0, () -> {
                long before = engine.nanoTime();
                engine.sleep(Duration.ofMillis(10));
                return engine.nanoTime() - before;
            });
            long wall = System.nanoTime() - wallStart;

            assertThat(elapsed).isEqualTo(Duration.ofMillis(10).toNanos());
            assertThat(wall).isLessThan(Duration.ofSeconds(1).toNanos());
        }
    }

    @Test
    void completionTimeoutReturnsFalseAfterExactlyTheTimeout() {
        try (Engine engine = Engines.create("sim", EngineOptions.defaults())) {
            long[] result = engine.execute("waiter", 0, () -> {
                Completion never = engine.newCompletion("never");
                long before = engine.nanoTime();
                boolean done = never.await(Duration.ofMillis(250));
                return new long[] {done ? 1 : 0, engine.nanoTime() - before};
            });

            assertThat(result).containsExactly(0, Duration.ofMillis(250).toNanos());
        }
    }

    @Test
    void executeReturnsOnceWokenThreadsRanWithoutAdvancingTimeForSleepers() {
        try (Engine engine = Engines.create("sim", EngineOptions.defaults())) {
            AtomicLong woke = new AtomicLong(-1);
            engine.execute("root", 0, () -> {
                engine.spawn("late", 1, () -> {
                    engine.sleep(Duration.ofSeconds(5));
                    woke.set(engine.nanoTime());
                });
            });
            assertThat(engine.nanoTime()).isZero();
            assertThat(engine.threads()).extracting(ThreadReport::name, ThreadReport::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("late", ThreadReport.State.SLEEPING));
            assertThat(engine.threads().get(0).waitingOn()).isEqualTo("sleep until 5.000000");

            engine.advance(Duration.ofSeconds(6));

            assertThat(woke.get()).isEqualTo(Duration.ofSeconds(5).toNanos());
            assertThat(engine.nanoTime()).isEqualTo(Duration.ofSeconds(6).toNanos());
            assertThat(engine.threads()).isEmpty();
        }
    }

    @Test
    void pidsAreAssignedInCreationOrderFromOne() {
        try (Engine engine = Engines.create("sim", EngineOptions.defaults())) {
            List<Integer> pids = engine.execute("root", 0, () -> {
                List<Integer> seen = new ArrayList<>();
                seen.add(engine.current().pid());
                seen.add(engine.spawn("a", 1, () -> { }).pid());
                seen.add(engine.spawn("b", 2, () -> { }).pid());
                return seen;
            });

            assertThat(pids).containsExactly(1, 2, 3);
        }
    }

    @Test
    void taskContextDescribesTheCallingEmulatedThread() {
        try (Engine engine = Engines.create("sim", EngineOptions.defaults())) {
            String seen = engine.execute("cpuhp/3", 3, () -> {
                engine.enterAtomic();
                String inside = engine.comm() + " " + engine.pid() + " " + engine.cpu() + " " + engine.irqsOff();
                engine.exitAtomic();
                return inside + " " + engine.irqsOff();
            });

            assertThat(seen).isEqualTo("cpuhp/3 1 3 true false");
        }
    }
}
