package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.sched.RwSemaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The soft-lockup watchdog, on both engines. What is under test is a real-time watchdog, so these
 * tests use real wall time: a threshold of 300 ms, and each stays well under two seconds.
 */
class HangWatchdogTest {
    private static final Duration THRESHOLD = Duration.ofMillis(300);

    private static Engine engine(String name) {
        return Engines.create(name, EngineOptions.defaults().withSoftLockupThreshold(THRESHOLD));
    }

    /** Runs {@code stuck} as cpuhp/2 inside callback bad_online while the root waits for it. */
    private static HangException lockUp(Engine engine, Runnable stuck) {
        long start = System.nanoTime();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> engine.execute("control", 0, () -> {
            Completion done = engine.newCompletion("done_up");
            engine.spawn("cpuhp/2", 2, () -> {
                String previous = EngineActivity.enter("bad_online");
                stuck.run();
                EngineActivity.exit(previous);
                done.complete();
            });
            done.await();
        }));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(thrown).isInstanceOf(HangException.class);
        return (HangException) thrown;
    }

    private static void assertSoftLockupOfCpuhp2(HangException e) {
        assertThat(e.kind()).isEqualTo(HangException.Kind.SOFT_LOCKUP);
        assertThat(e.errno()).isEqualTo(Errno.EBUSY);
        assertThat(e.getMessage())
                .startsWith("watchdog: BUG: soft lockup - CPU#2 stuck for 1s! [cpuhp/2:2]\n"
                        + "  cpuhp/2:2 ran plain Java without reaching an engine primitive, in bad_online")
                .contains("\n    at org.hotplugemu.core.engine.HangWatchdogTest")
                .contains("\n  pid 1 control (CPU 0): completion done_up since ")
                .contains("\n  pid 2 cpuhp/2 (CPU 2) in bad_online: runnable since ");
        assertThat(e.threads()).extracting(ThreadReport::name).containsExactly("control", "cpuhp/2");
        assertThat(e.javaStacks()).contains("cpuhp/2:2 (CPU 2)\n    at ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void spinningInPlainJavaIsASoftLockupNamingCpuCallbackAndStack(String name) {
        try (Engine engine = engine(name)) {
            HangException e = lockUp(engine, () -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
            });

            assertSoftLockupOfCpuhp2(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void threadSleepInACallbackIsASoftLockup(String name) {
        try (Engine engine = engine(name)) {
            HangException e = lockUp(engine, () -> {
                try {
                    Thread.sleep(Duration.ofMinutes(10));
                } catch (InterruptedException interrupted) {
                    throw new IllegalStateException("woken by the watchdog", interrupted);
                }
            });

            assertSoftLockupOfCpuhp2(e);
            assertThat(e.getMessage()).contains("Thread.sleep");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void waitingOnAJavaLatchIsASoftLockupAndTheEngineRunsNothingMore(String name) {
        try (Engine engine = engine(name)) {
            CountDownLatch never = new CountDownLatch(1);
            HangException e = lockUp(engine, () -> {
                try {
                    never.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });

            assertSoftLockupOfCpuhp2(e);
            assertThat(e.getMessage()).contains("CountDownLatch.await");
            assertThatThrownBy(() -> engine.execute("sh", 0, () -> 1))
                    .isInstanceOfSatisfying(HangException.class, later -> assertThat(later.kind()).isEqualTo(HangException.Kind.SOFT_LOCKUP))
                    .hasMessageStartingWith("execute on a " + name + " engine stopped by an earlier failure; create a new machine."
                            + " The failure was:\nwatchdog: BUG: soft lockup - CPU#2 stuck for 1s! [cpuhp/2:2]");
            assertThatThrownBy(() -> engine.advance(Duration.ofMillis(1))).isInstanceOf(HangException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void aThreadThatKeepsCallingTheEngineIsNoSoftLockup(String name) {
        try (Engine engine = engine(name)) {
            long woke = engine.execute("control", 0, () -> {
                long deadline = System.nanoTime() + 2 * THRESHOLD.toNanos();
                long sleeps = 0;
                while (System.nanoTime() < deadline) {
                    engine.yield(); // a scheduling point: the watchdog is touched (threads)
                    engine.delay(Duration.ofNanos(1)); // and virtual time moves (sim)
                    sleeps++;
                }
                return sleeps;
            });

            assertThat(woke).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void theWatchdogIsOffAtZero(String name) {
        try (Engine engine = Engines.create(name, EngineOptions.defaults().withSoftLockupThreshold(Duration.ZERO))) {
            long spun = engine.execute("control", 0, () -> {
                long deadline = System.nanoTime() + 2 * THRESHOLD.toNanos();
                long loops = 0;
                while (System.nanoTime() < deadline) {
                    loops++;
                }
                return loops;
            });

            assertThat(spun).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void deadlockReportNamesTheCallbackEachThreadRunsAndEveryLockOwner(String name) {
        try (Engine engine = Engines.create(name, EngineOptions.defaults())) {
            assertThatThrownBy(() -> engine.execute("control", 0, () -> {
                Mutex mutex = engine.newMutex("cpuhp_state_mutex");
                RwSemaphore hotplugLock = engine.newRwSemaphore("cpu_hotplug_lock");
                Completion held = engine.newCompletion("held");
                engine.spawn("cpuhp/1", 1, () -> {
                    EngineActivity.enter("sched_cpu_deactivate");
                    mutex.lock();
                    hotplugLock.readLock();
                    held.complete();
                    engine.newCompletion("never").await();
                });
                held.await();
                EngineActivity.enter("cpuhp_setup_state");
                engine.spawn("kworker/2", 2, hotplugLock::writeLock);
                mutex.lock();
            }))
                    .isInstanceOfSatisfying(DeadlockException.class, e -> {
                        assertThat(e.kind()).isEqualTo(HangException.Kind.DEADLOCK);
                        assertThat(e.errno()).isEqualTo(Errno.EDEADLK);
                        assertThat(e.threads()).extracting(ThreadReport::activity)
                                .containsExactly("cpuhp_setup_state", "sched_cpu_deactivate", "");
                    })
                    .hasMessageStartingWith("deadlock: every emulated thread is blocked and no timer is pending at ")
                    .hasMessageContaining("\n  pid 1 control (CPU 0) in cpuhp_setup_state: mutex cpuhp_state_mutex"
                            + " held by cpuhp/1/2 since ")
                    .hasMessageContaining("\n  pid 2 cpuhp/1 (CPU 1) in sched_cpu_deactivate: completion never since ")
                    .hasMessageContaining("\n  pid 3 kworker/2 (CPU 2): rwsem cpu_hotplug_lock (write)"
                            + " held by cpuhp/1/2 (read) since ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void theMachineAddsItsStateToEveryHangReport(String name) {
        try (Engine engine = Engines.create(name, EngineOptions.defaults())) {
            engine.onHang(() -> "CPU hotplug states after the hang (cpuhp state/target):\n  CPUs 0-3: 236/236");

            assertThatThrownBy(() -> engine.execute("control", 0, () -> engine.newCompletion("never").await()))
                    .isInstanceOf(DeadlockException.class)
                    .hasMessageContaining("\n  pid 1 control (CPU 0): completion never since ")
                    .hasMessageEndingWith("\nCPU hotplug states after the hang (cpuhp state/target):\n  CPUs 0-3: 236/236");
        }
    }

    @Test
    void simReportsALivelockWhenAThreadKeepsYieldingWhileTimeStandsStill() {
        try (Engine engine = Engines.create("sim", EngineOptions.defaults().withLivelockSwitches(10_000))) {
            assertThatThrownBy(() -> engine.execute("control", 0, () -> {
                Completion done = engine.newCompletion("done_up");
                engine.spawn("cpuhp/1", 1, () -> {
                    EngineActivity.enter("wait_for_ap");
                    while (!done.isDone()) {
                        engine.yield();
                    }
                });
                done.await();
            }))
                    .isInstanceOfSatisfying(HangException.class, e -> {
                        assertThat(e.kind()).isEqualTo(HangException.Kind.LIVELOCK);
                        assertThat(e.errno()).isEqualTo(Errno.EAGAIN);
                    })
                    .hasMessageStartingWith("livelock: 10000 switches at 0.000000 without virtual time advancing")
                    .hasMessageContaining("\n  pid 1 control (CPU 0): completion done_up since 0.000000")
                    .hasMessageContaining("\n  pid 2 cpuhp/1 (CPU 1) in wait_for_ap: runnable since 0.000000");
            // A livelock leaves every thread at a switch point: the engine still closes cleanly.
        }
    }

    @Test
    void simReportsALivelockOfThreadsYieldingToEachOther() {
        try (Engine engine = Engines.create("sim", EngineOptions.defaults().withLivelockSwitches(10_000))) {
            assertThatThrownBy(() -> engine.execute("control", 0, () -> {
                for (int cpu = 1; cpu <= 2; cpu++) {
                    engine.spawn("ksoftirqd/" + cpu, cpu, () -> {
                        while (true) {
                            engine.yield();
                        }
                    });
                }
                engine.newCompletion("never").await();
            }))
                    .isInstanceOfSatisfying(HangException.class, e -> assertThat(e.kind()).isEqualTo(HangException.Kind.LIVELOCK));
        }
    }

    @Test
    void yieldingWhileVirtualTimeMovesIsNoLivelock() {
        try (Engine engine = Engines.create("sim", EngineOptions.defaults().withLivelockSwitches(10_000))) {
            int loops = engine.execute("control", 0, () -> {
                int i = 0;
                for (; i < 50_000; i++) {
                    engine.yield();
                    if (i % 1_000 == 0) {
                        engine.delay(Duration.ofNanos(1));
                    }
                }
                return i;
            });

            assertThat(loops).isEqualTo(50_000);
        }
    }
}
