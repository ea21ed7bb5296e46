package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.EmulatedThread;
import org.hotplugemu.api.sched.KernelBugException;
import org.hotplugemu.api.sched.Mutex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadsEngineTest {
    private final Engine engine = Engines.create("threads", EngineOptions.defaults().withTimeScale(0.001));

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void deadlockReportNamesEveryBlockedThreadItsCpuAndWhatItWaitsOn() {
        try (Engine realTime = Engines.create("threads", EngineOptions.defaults())) {
            assertDeadlockReported(realTime);
        }
    }

    @Test
    void rootBlockedPastTheScaledHungTaskTimeoutIsReported() {
        assertThatThrownBy(() -> engine.execute("control", 0, () -> engine.newCompletion("done_up").await()))
                .isInstanceOfSatisfying(HangException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HangException.Kind.HUNG_TASK);
                    assertThat(e.errno()).isEqualTo(Errno.ETIMEDOUT);
                })
                .hasMessageStartingWith("INFO: task control:1 blocked for more than 120 seconds.\n"
                        + "  pid 1 control (CPU 0): completion done_up since ");
    }

    private static void assertDeadlockReported(Engine engine) {
        assertThatThrownBy(() -> engine.execute("control", 0, () -> {
            Mutex mutex = engine.newMutex("cpuhp_state_mutex");
            Completion started = engine.newCompletion("started");
            engine.spawn("holder", 1, () -> {
                mutex.lock();
                started.complete();
                engine.newCompletion("never").await();
            });
            started.await();
            mutex.lock();
        }))
                .isInstanceOf(DeadlockException.class)
                .hasMessageStartingWith("deadlock: every emulated thread is blocked and no timer is pending at ")
                .hasMessageContaining("\n  pid 1 control (CPU 0): mutex cpuhp_state_mutex held by holder/2 since ")
                .hasMessageContaining("\n  pid 2 holder (CPU 1): completion never since ");
    }

    @Test
    void sleepLastsAtLeastItsEngineDurationUnderTheTimeScale() {
        long elapsed = engine.execute("sleeper", 0, () -> {
            long before = engine.nanoTime();
            engine.sleep(Duration.ofSeconds(2));
            return engine.nanoTime() - before;
        });

        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void completionTimeoutExpiresWithoutAComplete() {
        boolean done = engine.execute("waiter", 0, () -> engine.newCompletion("never").await(Duration.ofSeconds(1)));

        assertThat(done).isFalse();
    }

    @Test
    void parkBlocksUntilUnparkAndAnEarlierUnparkIsKept() {
        String result = engine.execute("control", 0, () -> {
            Completion parkedOnce = engine.newCompletion("parked");
            StringBuilder seen = new StringBuilder();
            EmulatedThread worker = engine.spawn("cpuhp/1", 1, () -> {
                engine.unpark(engine.current());
                engine.park("kept");
                parkedOnce.complete();
                engine.park("smpboot");
                seen.append("unparked");
            });
            parkedOnce.await();
            while (!worker.waitingOn().equals("park: smpboot")) {
                engine.yield();
            }
            engine.unpark(worker);
            return seen;
        }).toString();

        assertThat(result).isEqualTo("unparked");
    }

    @Test
    void sleepingInAtomicContextIsAKernelBug() {
        assertThatThrownBy(() -> engine.execute("idle/1", 1, () -> {
            engine.enterAtomic();
            engine.sleep(Duration.ofMillis(1));
        })).isInstanceOf(KernelBugException.class).hasMessageContaining("name: idle/1");
    }

    @Test
    void crashOfAnotherThreadFailsExecute() {
        assertThatThrownBy(() -> engine.execute("control", 0, () -> {
            Completion never = engine.newCompletion("never");
            engine.spawn("cpuhp/3", 3, () -> {
                throw new IllegalStateException("boom");
            });
            never.await(Duration.ofSeconds(10));
        })).isInstanceOfSatisfying(EngineFailureException.class,
                e -> assertThat(e.threadName()).isEqualTo("cpuhp/3"));
    }
}
