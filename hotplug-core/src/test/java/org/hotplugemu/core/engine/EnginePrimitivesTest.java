package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.EmulatedThread;
import org.hotplugemu.api.sched.KernelBugException;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.sched.RwSemaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnginePrimitivesTest {
    private static final Duration SHORT = Duration.ofMillis(1);

    private final Engine engine = Engines.create("sim", new EngineOptions(11));
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void rwSemaphoreWriterExcludesReaders() {
        engine.execute("writer", 0, () -> {
            RwSemaphore rwsem = engine.newRwSemaphore("cpu_hotplug_lock");
            rwsem.writeLock();
            EmulatedThread reader = engine.spawn("reader", 1, () -> {
                rwsem.readLock();
                log.add("read");
                rwsem.readUnlock();
            });
            engine.sleep(SHORT);
            assertThat(reader.waitingOn()).isEqualTo("rwsem cpu_hotplug_lock (read)");
            log.add("write done");
            rwsem.writeUnlock();
        });

        assertThat(log).containsExactly("write done", "read");
    }

    @Test
    void waitingWriterBlocksNewReaders() {
        engine.execute("reader1", 0, () -> {
            RwSemaphore rwsem = engine.newRwSemaphore("cpu_hotplug_lock");
            rwsem.readLock();
            EmulatedThread writer = engine.spawn("writer", 1, () -> {
                rwsem.writeLock();
                log.add("write");
                rwsem.writeUnlock();
            });
            engine.sleep(SHORT);
            EmulatedThread reader2 = engine.spawn("reader2", 2, () -> {
                rwsem.readLock();
                log.add("read2");
                rwsem.readUnlock();
            });
            engine.sleep(SHORT);
            assertThat(writer.waitingOn()).isEqualTo("rwsem cpu_hotplug_lock (write)");
            assertThat(reader2.waitingOn()).isEqualTo("rwsem cpu_hotplug_lock (read)");
            rwsem.readUnlock();
        });

        assertThat(log).containsExactly("write", "read2");
    }

    @Test
    void rwSemaphoreSelfDeadlockIsAKernelBugNamingLockAndThread() {
        assertThatThrownBy(() -> engine.execute("cpuhp/1", 1, () -> {
            RwSemaphore rwsem = engine.newRwSemaphore("cpu_hotplug_lock");
            rwsem.writeLock();
            rwsem.readLock();
        })).isInstanceOf(KernelBugException.class)
                .hasMessageContaining("cpu_hotplug_lock").hasMessageContaining("cpuhp/1");
    }

    @Test
    void mutexRelockByOwnerIsAKernelBugNamingLockAndThread() {
        assertThatThrownBy(() -> engine.execute("control", 0, () -> {
            Mutex mutex = engine.newMutex("cpuhp_state_mutex");
            mutex.lock();
            mutex.lock();
        })).isInstanceOf(KernelBugException.class)
                .hasMessageContaining("cpuhp_state_mutex").hasMessageContaining("control");
    }

    @Test
    void mutexExcludesAndHandsOverInArrivalOrder() {
        engine.execute("control", 0, () -> {
            Mutex mutex = engine.newMutex("m");
            mutex.lock();
            for (int i = 1; i <= 3; i++) {
                String name = "t" + i;
                engine.spawn(name, i, () -> {
                    mutex.lock();
                    log.add(name);
                    mutex.unlock();
                });
                engine.sleep(SHORT);
            }
            assertThat(mutex.tryLock()).isFalse();
            log.add("control");
            mutex.unlock();
        });

        assertThat(log).containsExactly("control", "t1", "t2", "t3");
    }

    @Test
    void unparkBeforeParkIsNotLost() {
        long elapsed = engine.execute("control", 0, () -> {
            long before = engine.nanoTime();
            engine.unpark(engine.current());
            engine.park("kthread_parkme");
            return engine.nanoTime() - before;
        });

        assertThat(elapsed).isZero();
    }

    @Test
    void parkBlocksUntilUnpark() {
        engine.execute("control", 0, () -> {
            EmulatedThread parked = engine.spawn("cpuhp/2", 2, () -> {
                engine.park("smpboot");
                log.add("unparked at " + engine.nanoTime());
            });
            engine.sleep(SHORT);
            assertThat(parked.waitingOn()).isEqualTo("park: smpboot");
            engine.unpark(parked);
        });

        assertThat(log).containsExactly("unparked at " + SHORT.toNanos());
    }

    @Test
    void eachCompleteLetsExactlyOneAwaitThrough() {
        List<Boolean> results = engine.execute("control", 0, () -> {
            Completion completion = engine.newCompletion("done_up");
            completion.complete();
            completion.complete();
            return List.of(completion.await(SHORT), completion.await(SHORT), completion.await(SHORT));
        });

        assertThat(results).containsExactly(true, true, false);
    }

    @Test
    void completeAllLetsEveryAwaitThroughUntilReinit() {
        List<Boolean> results = engine.execute("control", 0, () -> {
            Completion completion = engine.newCompletion("done_down");
            completion.completeAll();
            List<Boolean> seen = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                seen.add(completion.await(SHORT));
            }
            completion.reinit();
            seen.add(completion.isDone());
            seen.add(completion.await(SHORT));
            return seen;
        });

        assertThat(results).containsExactly(true, true, true, true, true, false, false);
    }

    @Test
    void completeWakesAWaiterBlockedBeforeIt() {
        engine.execute("control", 0, () -> {
            Completion completion = engine.newCompletion("done_up");
            for (int i = 0; i < 3; i++) {
                String name = "waiter" + i;
                engine.spawn(name, i, () -> {
                    completion.await();
                    log.add(name);
                });
            }
            engine.sleep(SHORT);
            completion.completeAll();
        });

        assertThat(log).containsExactlyInAnyOrder("waiter0", "waiter1", "waiter2");
    }
}
