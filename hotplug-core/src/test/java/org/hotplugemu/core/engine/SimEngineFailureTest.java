package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.KernelBugException;
import org.hotplugemu.api.sched.Mutex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimEngineFailureTest {
    private Engine engine = Engines.create("sim", new EngineOptions(3));

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void deadlockReportNamesEveryBlockedThreadItsCpuAndWhatItWaitsOn() {
        assertThatThrownBy(() -> engine.execute("control", 0, () -> {
            Mutex mutex = engine.newMutex("cpuhp_state_mutex");
            Completion never = engine.newCompletion("never");
            Completion doneUp = engine.newCompletion("done_up");
            engine.spawn("holder", 1, () -> {
                mutex.lock();
                never.await();
            });
            engine.spawn("cpuhp/2", 2, () -> {
                engine.sleep(Duration.ofMillis(1));
                mutex.lock();
            });
            doneUp.await();
        }))
                .isInstanceOfSatisfying(DeadlockException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EDEADLK))
                .hasMessage("""
                        deadlock: every emulated thread is blocked and no timer is pending at 0.001000
                          pid 1 control (CPU 0): completion done_up since 0.000000
                          pid 2 holder (CPU 1): completion never since 0.000000
                          pid 3 cpuhp/2 (CPU 2): mutex cpuhp_state_mutex held by holder/2 since 0.001000""");
    }

    @Test
    void rootBlockedPastHungTaskTimeoutIsReportedLikeTheKernel() {
        Engine hung = Engines.create("sim", EngineOptions.defaults().withHungTaskTimeout(Duration.ofSeconds(10)));
        try {
            assertThatThrownBy(() -> hung.execute("control", 0, () -> {
                Completion never = hung.newCompletion("done_down");
                hung.spawn("poller", 1, () -> {
                    while (true) {
                        hung.sleep(Duration.ofSeconds(1));
                    }
                });
                never.await();
            }))
                    .isInstanceOfSatisfying(HangException.class, e -> {
                        assertThat(e.kind()).isEqualTo(HangException.Kind.HUNG_TASK);
                        assertThat(e.errno()).isEqualTo(Errno.ETIMEDOUT);
                    })
                    .hasMessageStartingWith("INFO: task control:1 blocked for more than 10 seconds.\n"
                            + "  pid 1 control (CPU 0): completion done_down since 0.000000\n"
                            + "  pid 2 poller (CPU 1): sleep until ");
            assertThat(hung.nanoTime()).isEqualTo(Duration.ofSeconds(10).toNanos());
        } finally {
            hung.close();
        }
    }

    @Test
    void rootThatKeepsRunningPastTheHungTaskTimeoutIsNotHung() {
        // The boot CPU bringing up hundreds of CPUs for minutes: each wait is short, the whole is long.
        Engine busy = Engines.create("sim", EngineOptions.defaults().withHungTaskTimeout(Duration.ofSeconds(10)));
        try {
            busy.execute("swapper/0", 0, () -> {
                for (int cpu = 1; cpu <= 30; cpu++) {
                    Completion online = busy.newCompletion("cpu_up " + cpu);
                    busy.spawn("swapper/" + cpu, cpu, () -> {
                        busy.sleep(Duration.ofSeconds(1));
                        online.complete();
                    });
                    online.await();
                }
            });
            assertThat(busy.nanoTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(30).toNanos());
        } finally {
            busy.close();
        }
    }

    @Test
    void sleepingInAtomicContextIsAKernelBugNamingTheThread() {
        assertThatThrownBy(() -> engine.execute("migration/1", 1, () -> {
            engine.enterAtomic();
            engine.sleep(Duration.ofMillis(1));
        }))
                .isInstanceOf(KernelBugException.class)
                .hasMessage("BUG: sleeping function called from invalid context at msleep, in_atomic(): 1, "
                        + "name: migration/1, pid: 1");
    }

    @Test
    void waitingForCompletionInAtomicContextIsAKernelBug() {
        assertThatThrownBy(() -> engine.execute("idle", 2, () -> {
            Completion completion = engine.newCompletion("x");
            completion.complete();
            engine.enterAtomic();
            completion.await();
        }))
                .isInstanceOf(KernelBugException.class)
                .hasMessageContaining("wait_for_completion")
                .hasMessageContaining("name: idle");
    }

    @Test
    void delayInAtomicContextIsAllowedAndAdvancesTime() {
        long elapsed = engine.execute("swapper/1", 1, () -> {
            engine.enterAtomic();
            long before = engine.nanoTime();
            engine.delay(Duration.ofNanos(5_000));
            long after = engine.nanoTime();
            engine.exitAtomic();
            return after - before;
        });

        assertThat(elapsed).isEqualTo(5_000);
    }

    @Test
    void crashOfAnotherThreadFailsExecuteNamingThatThread() {
        assertThatThrownBy(() -> engine.execute("control", 0, () -> {
            engine.spawn("cpuhp/1", 1, () -> {
                throw new IllegalStateException("callback exploded");
            });
            engine.yield();
        }))
                .isInstanceOfSatisfying(EngineFailureException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EIO);
                    assertThat(e.threadName()).isEqualTo("cpuhp/1");
                })
                .hasMessageContaining("cpuhp/1")
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void exceptionOfTheRootBodyIsRethrownAsIs() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad");

        assertThatThrownBy(() -> engine.execute("control", 0, () -> {
            throw thrown;
        })).isSameAs(thrown);
    }

    @Test
    void closeUnwindsBlockedThreadsQuietly() {
        Engine closing = Engines.create("sim", EngineOptions.defaults());
        boolean[] unwound = new boolean[1];
        closing.execute("control", 0, () -> {
            Completion never = closing.newCompletion("never");
            closing.spawn("stuck", 1, () -> {
                try {
                    never.await();
                } finally {
                    unwound[0] = true;
                }
            });
        });
        assertThat(closing.threads()).hasSize(1);

        closing.close();

        assertThat(unwound[0]).isTrue();
        assertThat(closing.threads()).isEmpty();
    }
}
