package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;
import org.hotplugemu.arch.spi.sched.EmulatedThread;

/**
 * The parallel engine: every emulated thread is a virtual thread running freely, time is the
 * monotonic clock divided by the time scale. It finds real races and measures real speed.
 */
final class ThreadsEngine extends EngineSupport {
    static final String NAME = "threads";

    private static final int WAKE_NONE = 0;
    private static final int WAKE_PENDING = 1;
    private static final int WAKE_BLOCKED = 2;
    /** How long every thread must stay blocked without a timeout before it counts as a deadlock. */
    private static final long DEADLOCK_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ThreadLocal<Task> current = new ThreadLocal<>();
    private final long startNanos = System.nanoTime();
    private final double scale;
    /** Threads started and not blocked: execute waits for zero once the root returned. */
    private final AtomicInteger runnableCount = new AtomicInteger();
    /** Threads blocked with a deadline: while any exists, time will still wake someone. */
    private final AtomicInteger timedBlocked = new AtomicInteger();
    private final LongAdder switches = new LongAdder();
    private final ReentrantLock externalLock = new ReentrantLock();
    private volatile Thread driver;
    private volatile boolean closing;
    private volatile Task root;
    private volatile boolean rootDone;
    private volatile Object rootResult;
    private volatile Throwable rootError;

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
        if (closing) {
            throw new HotplugException(Errno.EPERM, "spawn on a closed " + NAME + " engine; create a new engine");
        }
        Task task = newTask(name, cpu, body);
        start(task);
        return task;
    }

    @Override
    void start(Task task) {
        runnableCount.incrementAndGet();
        task.thread = Thread.ofVirtual().name(task.name).unstarted(() -> run(task));
        task.thread.start();
    }

    private void run(Task task) {
        current.set(task);
        try {
            if (!closing) {
                task.body.run();
            }
        } catch (EngineShutdown quiet) {
            // close() unwinds the stack; nothing to report.
        } catch (Throwable error) {
            recordCrash(task, error);
        } finally {
            task.state = Task.DEAD;
            live.remove(task.pid);
            if (task == root) {
                rootDone = true;
            }
            leaveRunnable();
            wakeDriver();
        }
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
    boolean block(Task self, int kind, String reason, long deadline) {
        if (self.wakeState.compareAndSet(WAKE_PENDING, WAKE_NONE)) {
            return true;
        }
        if (self.killed) {
            throw EngineShutdown.INSTANCE;
        }
        boolean timed = deadline >= 0;
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
            self.state = Task.RUNNABLE;
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
        mightSleep(self, "cond_resched");
        Thread.yield();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(String name, int cpu, Callable<T> body) {
        rejectEmulatedCaller("execute");
        requireNonNull(body, "body is null");
        externalLock.lock();
        try {
            checkOpen("execute");
            takeCrash();
            rootDone = false;
            rootResult = null;
            rootError = null;
            driver = Thread.currentThread();
            Task task = newTask(name, cpu, () -> {
                try {
                    rootResult = body.call();
                } catch (EngineShutdown shutdown) {
                    throw shutdown;
                } catch (Throwable error) {
                    rootError = error;
                }
            });
            root = task;
            start(task);
            String failure = waitForRun(task);
            EngineFailureException crash = takeCrash();
            if (crash != null) {
                throw crash;
            }
            if (failure != null) {
                throw new DeadlockException(report(failure));
            }
            if (rootError != null) {
                throw rethrow(rootError);
            }
            return (T) rootResult;
        } finally {
            driver = null;
            root = null;
            rootResult = null;
            rootError = null;
            externalLock.unlock();
        }
    }

    /** Waits for the run to end; returns the report header of a deadlock or hung root, else null. */
    private String waitForRun(Task task) {
        long started = System.nanoTime();
        long hungReal = realNanos(options.hungTaskTimeout().toNanos());
        long quietSince = -1;
        while (!(rootDone && runnableCount.get() == 0)) {
            long now = System.nanoTime();
            if (!rootDone) {
                if (runnableCount.get() == 0 && timedBlocked.get() == 0) {
                    if (quietSince < 0) {
                        quietSince = now;
                    } else if (now - quietSince > DEADLOCK_GRACE_NANOS) {
                        return "deadlock: every emulated thread is blocked and no timer is pending at "
                                + formatTime(nanoTime());
                    }
                } else {
                    quietSince = -1;
                }
                if (now - started > hungReal) {
                    return "INFO: task " + task.name + ":" + task.pid + " blocked for more than "
                            + options.hungTaskTimeout().toSeconds() + " seconds.";
                }
            }
            LockSupport.parkNanos(this, POLL_NANOS);
        }
        return null;
    }

    @Override
    public void advance(Duration duration) {
        rejectEmulatedCaller("advance");
        long nanos = toNanos(duration, "advance");
        externalLock.lock();
        try {
            checkOpen("advance");
            takeCrash();
            long end = System.nanoTime() + realNanos(nanos);
            for (long left = realNanos(nanos); left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
            }
            long giveUp = System.nanoTime() + realNanos(options.hungTaskTimeout().toNanos());
            while (runnableCount.get() > 0 && System.nanoTime() < giveUp) {
                LockSupport.parkNanos(this, POLL_NANOS);
            }
            EngineFailureException crash = takeCrash();
            if (crash != null) {
                throw crash;
            }
        } finally {
            externalLock.unlock();
        }
    }

    @Override
    public void close() {
        rejectEmulatedCaller("close");
        externalLock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            List<Task> tasks = List.copyOf(live.values());
            for (Task task : tasks) {
                task.killed = true;
                wake(task);
            }
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            for (Task task : tasks) {
                long left = giveUp - System.nanoTime();
                if (left > 0 && task.thread != null) {
                    task.thread.join(Duration.ofNanos(left));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            externalLock.unlock();
        }
    }

    private void checkOpen(String method) {
        if (closing) {
            throw new HotplugException(Errno.EPERM, method + " on a closed " + NAME + " engine; create a new engine");
        }
    }
}
