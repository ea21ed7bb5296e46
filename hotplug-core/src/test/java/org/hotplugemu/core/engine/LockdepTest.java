package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.sched.KernelBugException;
import org.hotplugemu.api.sched.Mutex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lock validator on the engine's primitives, without a machine: classes, edges, trylocks and its one report. */
class LockdepTest {
    private final Engine engine = Engines.create("sim", new EngineOptions(3));
    private final Lockdep lockdep = Lockdep.enable(engine);
    private final List<String> log = new ArrayList<>();

    LockdepTest() {
        lockdep.attach(log::add, "6.1 #1 Not tainted", false);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    /** Takes {@code first} then {@code second} inside {@code function}, on a thread of its own. */
    private void nest(String function, Mutex first, Mutex second) {
        engine.execute("t-" + function, 1, () -> {
            CallChain.enter(function);
            first.lock();
            second.lock();
            second.unlock();
            first.unlock();
            CallChain.exit();
        });
    }

    @Test
    void anAbBaInversionOnTwoThreadsIsReportedWithTheFirstChainAndTheNewAcquire() {
        Mutex a = engine.execute("init", 0, () -> engine.newMutex("a_lock"));
        Mutex b = engine.execute("init", 0, () -> engine.newMutex("b_lock"));
        nest("take_a_then_b", a, b);
        assertThat(log).isEmpty();

        nest("take_b_then_a", b, a);

        assertThat(log).containsSubsequence(
                "WARNING: possible circular locking dependency detected",
                "but task is already holding lock:",
                "ffffffff82a5c040 (b_lock){+.+.}-{3:3}, at: take_b_then_a",
                "-> #1 (b_lock){+.+.}-{3:3}:",
                "       mutex_lock",
                "       take_a_then_b",
                "",
                "-> #0 (a_lock){+.+.}-{3:3}:",
                "       mutex_lock",
                "       take_b_then_a",
                "",
                "other info that might help us debug this:",
                "",
                " Possible unsafe locking scenario:",
                "",
                "       CPU0                    CPU1",
                "       ----                    ----",
                "  lock(b_lock);",
                "                               lock(a_lock);",
                "                               lock(b_lock);",
                "  lock(a_lock);",
                "Call trace:");
        assertThat(log).noneMatch(line -> line.startsWith("Chain exists of:")).doesNotContain(" <TASK>");
        assertThat(lockdep.active()).isFalse();
        assertThat(lockdep.reports()).isEqualTo(1);
    }

    @Test
    void locksOfOneNameShareAClassSoNestingTwoOfThemIsRecursive() {
        engine.execute("nester", 0, () -> {
            Mutex first = engine.newMutex("per_cpu_lock");
            Mutex second = engine.newMutex("per_cpu_lock");
            first.lock();
            second.lock();
            second.unlock();
            first.unlock();
        });

        assertThat(log).contains("WARNING: possible recursive locking detected", "  lock(per_cpu_lock);",
                " May be due to missing lock nesting notation");
        // Two locks, two addresses, one class.
        assertThat(log.stream().filter(line -> line.startsWith("ffff") && line.endsWith(" (per_cpu_lock){+.+.}-{3:3}, at: nester"))
                .distinct()).hasSize(2);
    }

    @Test
    void aMutexTakenTwiceIsReportedBeforeTheEmulatorRefusesIt() {
        assertThatThrownBy(() -> engine.execute("twice", 0, () -> {
            Mutex mutex = engine.newMutex("twice_lock");
            mutex.lock();
            mutex.lock();
        })).isInstanceOf(KernelBugException.class).hasMessageContaining("recursive locking of mutex twice_lock");

        assertThat(log).contains("WARNING: possible recursive locking detected").anyMatch(line -> line.startsWith("1 lock held by twice/"));
    }

    @Test
    void aTrylockTeachesNoOrderSoTheReverseOrderLaterIsFine() {
        Mutex a = engine.execute("init", 0, () -> engine.newMutex("a_lock"));
        Mutex b = engine.execute("init", 0, () -> engine.newMutex("b_lock"));
        engine.execute("trier", 0, () -> {
            a.lock();
            assertThat(b.tryLock()).isTrue();
            b.unlock();
            a.unlock();
        });
        nest("take_b_then_a", b, a);

        assertThat(log).isEmpty();
        assertThat(lockdep.active()).isTrue();
    }

    @Test
    void aLockReleasedOutOfOrderIsNoLongerHeld() {
        Mutex a = engine.execute("init", 0, () -> engine.newMutex("a_lock"));
        Mutex b = engine.execute("init", 0, () -> engine.newMutex("b_lock"));
        engine.execute("juggler", 0, () -> {
            a.lock();
            b.lock();
            a.unlock();
            a.lock(); // under b now: an inversion of a -> b, not a recursion
            a.unlock();
            b.unlock();
        });

        assertThat(log).contains("WARNING: possible circular locking dependency detected", " #0: ffffffff82a5c040 (b_lock){+.+.}-{3:3}, at: juggler")
                .doesNotContain("WARNING: possible recursive locking detected")
                .anyMatch(line -> line.startsWith("1 lock held by juggler/"));
    }

    @Test
    void theReadAndWriteSidesOfAnRwsemShowInItsUsage() {
        engine.execute("user", 0, () -> {
            var rwsem = engine.newRwSemaphore("cpu_hotplug_lock");
            var sem = engine.newRwSemaphore("some_rwsem");
            rwsem.readLock();
            rwsem.readUnlock();
            rwsem.writeLock();
            sem.readLock();
            sem.readLock(); // recursive: reported, with both usages of the percpu one known
        });

        assertThat(log).contains(" #0: ffffffff82a5c000 (cpu_hotplug_lock){++++}-{0:0}, at: user",
                "ffffffff82a5c040 (some_rwsem){.+.+}-{3:3}, at: user");
    }

    @Test
    void withoutLockdepNothingIsRecordedOrReported() {
        try (Engine plain = Engines.create("sim", new EngineOptions(3))) {
            plain.execute("nester", 0, () -> {
                Mutex first = plain.newMutex("per_cpu_lock");
                Mutex second = plain.newMutex("per_cpu_lock");
                first.lock();
                second.lock();
                plain.sleep(Duration.ofMillis(1));
                second.unlock();
                first.unlock();
            });
        }
        assertThat(log).isEmpty();
    }
}
