package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.EmulatedThread;
import org.junit.jupiter.api.Test;

class EngineSwitchCounterTest {
    private static final int ROUNDS = 100;

    @Test
    void freshSimEngineHasNotSwitched() {
        try (Engine engine = Engines.create("sim", new EngineOptions(3))) {
            assertThat(engine.switches()).isZero();
        }
    }

    @Test
    void simCountsAtLeastOneSwitchPerCompletionHandoff() {
        try (Engine engine = Engines.create("sim", new EngineOptions(3))) {
            long before = engine.switches();
            engine.execute("ping", 0, () -> HandoffProbe.pingPong(engine, ROUNDS));
            // Each round passes the baton twice; starting the threads and handing back add a few.
            assertThat(engine.switches() - before).isGreaterThanOrEqualTo(2L * ROUNDS).isLessThan(2L * ROUNDS + 10);
        }
    }

    @Test
    void simCountIsTheSameForTheSameSeed() {
        assertThat(switchesOfPingPong(42)).isEqualTo(switchesOfPingPong(42));
    }

    @Test
    void threadsCountsTheWakeOfABlockedThread() {
        try (Engine engine = Engines.create("threads", new EngineOptions(3))) {
            engine.execute("waker", 0, () -> {
                Completion go = engine.newCompletion("go");
                Completion done = engine.newCompletion("done");
                EmulatedThread waiter = engine.spawn("waiter", 1, () -> {
                    go.await();
                    done.complete();
                });
                while (waiter.waitingOn().isEmpty()) {
                    engine.sleep(Duration.ofMillis(1));
                }
                go.complete();
                done.await();
            });
            assertThat(engine.switches()).isPositive();
        }
    }

    private static long switchesOfPingPong(long seed) {
        try (Engine engine = Engines.create("sim", new EngineOptions(seed))) {
            engine.execute("ping", 0, () -> HandoffProbe.pingPong(engine, ROUNDS));
            return engine.switches();
        }
    }
}
