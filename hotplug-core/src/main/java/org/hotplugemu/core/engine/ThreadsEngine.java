package org.hotplugemu.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.hotplugemu.api.sched.EmulatedThread;

/**
 * The parallel engine: every emulated thread is a virtual thread running freely, time is the
 * monotonic clock divided by the time scale. It finds real races and measures real speed.
 */
final class ThreadsEngine extends EngineLifecycle {
    static final String NAME = "threads";

    private static final int WAKE_NONE = 0;
    private static final int WAKE_PENDING = 1;
    private static final int WAKE_BLOCKED = 2;
    /** How long every thread must stay blocked without a timeout before it counts as a deadlock. */
    private static final long DEADLOCK_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How often the driver looks for soft lockups: scanning every thread each poll would cost too much. */
    private static final long MAX_LOCKUP_SCAN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ThreadLocal<Task> current = new ThreadLocal<>();
    private final long startNanos = System.nanoTime();
    private final double scale;
    /** Threads started and not blocked: execute waits for zero once the root returned. */
    private final AtomicInteger runnableCount = new AtomicInteger();
    /** Threads blocked with a deadline: while any exists, time will still wake someone. */
    private final AtomicInteger timedBlocked = new AtomicInteger();
    private final LongAdder switches = new LongAdder();
    private volatile Thread driver;
    private long lastLockupScan;

    ThreadsEngine(EngineOptions options) {
        super(options);
        this.scale = options.timeScale();
    }

    @Override
    public String engineName() {
        return NAME;
    }

    @Override
    public long nanoTime() {
        return (long) ((System.nanoTime() - startNanos) / scale);
    }

    private long realNanos(long engineNanos) {
        return (long) Math.min(Long.MAX_VALUE / 2, engineNanos * scale);
    }

    @Override
    Task currentOrNull() {
        return current.get();
    }

    @Override
    public EmulatedThread spawn(String name, int cpu, Runnable body) {
        checkOpen("spawn");
        Task task = newTask(name, cpu, body);
        kthreadFrames(task);
        startCounted(task);
        return task;
    }

    /** Starts a task counted as runnable from the start, so execute cannot miss it. */
    private void startCounted(Task task) {
        runnableCount.incrementAndGet();
        start(task);
    }

    @Override
    boolean beginTask(Task task) {
        current.set(task);
        task.touched = System.nanoTime();
        return !closing;
    }

    @Override
    void endTask(Task task) {
        leaveRunnable();
        wakeDriver();
    }

    private void leaveRunnable() {
        if (runnableCount.decrementAndGet() == 0) {
            wakeDriver();
        }
    }

    private void wakeDriver() {
        Thread waiting = driver;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    @Override
    boolean block(Task self, Task.State kind, String reason, long deadline) {
        if (self.wakeState.compareAndSet(WAKE_PENDING, WAKE_NONE)) {
            return true;
        }
        if (self.killed) {
            throw EngineShutdown.INSTANCE;
        }
        boolean timed = deadline >= 0;
        self.touched = System.nanoTime();
        self.reason = reason;
        self.deadline = deadline;
        self.since = nanoTime();
        self.state = kind;
        if (timed) {
            timedBlocked.incrementAndGet();
        }
        leaveRunnable();
        try {
            if (!self.wakeState.compareAndSet(WAKE_NONE, WAKE_BLOCKED)) {
                // A wake arrived between the first check and now.
                self.wakeState.set(WAKE_NONE);
                runnableCount.incrementAndGet();
                return true;
            }
            while (true) {
                if (timed) {
                    long remaining = deadline - nanoTime();
                    if (remaining <= 0) {
                        if (self.wakeState.compareAndSet(WAKE_BLOCKED, WAKE_NONE)) {
                            runnableCount.incrementAndGet();
                            return false;
                        }
                        return true;
                    }
                    LockSupport.parkNanos(this, Math.max(1, realNanos(remaining)));
                } else {
                    LockSupport.park(this);
                }
                if (self.wakeState.get() != WAKE_BLOCKED) {
                    return true; // the waker counted us runnable again
                }
            }
        } finally {
            if (timed) {
                timedBlocked.decrementAndGet();
            }
            self.touched = System.nanoTime();
            self.state = Task.State.RUNNABLE;
            self.since = nanoTime();
        }
    }

    @Override
    void wake(Task task) {
        while (true) {
            int state = task.wakeState.get();
            if (state == WAKE_BLOCKED) {
                if (task.wakeState.compareAndSet(WAKE_BLOCKED, WAKE_NONE)) {
                    runnableCount.incrementAndGet();
                    switches.increment();
                    LockSupport.unpark(task.thread);
                    return;
                }
            } else if (state == WAKE_NONE) {
                if (task.wakeState.compareAndSet(WAKE_NONE, WAKE_PENDING)) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    @Override
    public long switches() {
        return switches.sum();
    }

    @Override
    void preempt(Task self) {
        // Threads run in parallel; there is nothing to hand over.
    }

    @Override
    public void yield() {
        Task self = self("yield");
        if (self.killed) {
            throw EngineShutdown.INSTANCE; // a thread looping on cond_resched would outlive close()
        }
        EngineChecks.mightSleep(self, "cond_resched");
        self.touched = System.nanoTime();
        Thread.yield();
    }

    @Override
    Hang runRoot(Task task) {
        driver = Thread.currentThread();
        try {
            startCounted(task);
            return waitForRun(task);
        } finally {
            driver = null;
        }
    }

    /** Waits for the run to end; returns the hang that ended it early, else null. */
    private Hang waitForRun(Task task) {
        long started = System.nanoTime();
        long hungReal = realNanos(options.hungTaskTimeout().toNanos());
        long quietSince = -1;
        while (!(rootDone && runnableCount.get() == 0)) {
            long now = System.nanoTime();
            if (outOfMemory != null) {
                return null; // execute reports it
            }
            Hang lockup = softLockup(now);
            if (lockup != null) {
                return lockup;
            }
            if (!rootDone) {
                if (runnableCount.get() == 0 && timedBlocked.get() == 0) {
                    if (quietSince < 0) {
                        quietSince = now;
                    } else if (now - quietSince > DEADLOCK_GRACE_NANOS) {
                        return deadlock();
                    }
                } else {
                    quietSince = -1;
                }
                if (now - started > hungReal) {
                    return hung(task);
                }
            }
            LockSupport.parkNanos(this, POLL_NANOS);
        }
        return null;
    }

    /**
     * The soft-lockup watchdog: a thread that has been running, without reaching an engine
     * primitive, for the threshold of real time is stuck in plain Java. It is reported, then
     * interrupted; the engine runs nothing more afterwards.
     */
    private Hang softLockup(long now) {
        long threshold = options.softLockupThreshold().toNanos();
        if (threshold == 0 || now - lastLockupScan < Math.min(threshold / 10, MAX_LOCKUP_SCAN_NANOS)) {
            return null;
        }
        lastLockupScan = now;
        Task stuck = null;
        for (Task task : live.values()) {
            if (task.state == Task.State.RUNNABLE && task.thread != null && now - task.touched >= threshold
                    && (stuck == null || task.touched < stuck.touched)) {
                stuck = task;
            }
        }
        if (stuck == null) {
            return null;
        }
        return HangReports.softLockup(stuck, now - stuck.touched);
    }

    @Override
    Hang runFor(long nanos) {
        long end = System.nanoTime() + realNanos(nanos);
        for (long left = realNanos(nanos); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(this, Math.min(left, MAX_LOCKUP_SCAN_NANOS));
            Hang lockup = softLockup(System.nanoTime());
            if (lockup != null) {
                return lockup;
            }
        }
        long giveUp = System.nanoTime() + realNanos(options.hungTaskTimeout().toNanos());
        while (runnableCount.get() > 0 && System.nanoTime() < giveUp) {
            LockSupport.parkNanos(this, POLL_NANOS);
            Hang lockup = softLockup(System.nanoTime());
            if (lockup != null) {
                return lockup;
            }
        }
        return null;
    }

    @Override
    void shutDown() {
        List<Task> tasks = List.copyOf(live.values());
        for (Task task : tasks) {
            task.killed = true;
            wake(task);
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        try {
            for (Task task : tasks) {
                long left = giveUp - System.nanoTime();
                if (left > 0 && task.thread != null) {
                    task.thread.join(Duration.ofNanos(left));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
