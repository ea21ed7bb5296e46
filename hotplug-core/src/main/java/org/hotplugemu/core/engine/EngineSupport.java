package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.EmulatedThread;
import org.hotplugemu.api.sched.KernelBugException;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.sched.RwSemaphore;

/**
 * What both engines share on the emulated threads' side: the thread registry, argument checks,
 * atomic context, sleeping, park and the primitives, all written once over {@link #block} and
 * {@link #wake}. {@link EngineLifecycle} adds the driver's side.
 */
abstract class EngineSupport implements Engine {
    final EngineOptions options;
    /** The lock validator, or null when lockdep is off; set before any primitive is created. */
    volatile Lockdep lockdep;
    final ConcurrentSkipListMap<Integer, Task> live = new ConcurrentSkipListMap<>();
    private final ReentrantLock parkLock = new ReentrantLock();
    private int nextPid = 1;
    private final Object pidLock = new Object();

    /** Reports blocking in atomic context; null: throw instead. */
    volatile java.util.function.Consumer<String> sleepInAtomic;

    @Override
    public final void onSleepInAtomic(java.util.function.Consumer<String> handler) {
        if (handler != null) {
            CallChain.reporting = true;
        }
        this.sleepInAtomic = handler;
    }

    EngineSupport(EngineOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    // ---- what each engine provides ----

    /** Returns the calling emulated thread of this engine, or null for any other Java thread. */
    abstract Task currentOrNull();

    @Override
    public final boolean onEngineThread() {
        return currentOrNull() != null;
    }

    /**
     * Blocks {@code self} until {@link #wake} or, when {@code deadline >= 0}, until the clock reaches
     * it. A wake that came before is not lost. Returns false only when the deadline passed.
     */
    abstract boolean block(Task self, Task.State kind, String reason, long deadline);

    /** Makes {@code task} runnable, or remembers the wake if it is not blocked. Never switches. */
    abstract void wake(Task task);

    /** A switch point after waking others; never called while holding a primitive lock. */
    abstract void preempt(Task self);

    // ---- registry and checks ----

    final Task newTask(String name, int cpu, Runnable body) {
        requireNonNull(name, "name is null");
        requireNonNull(body, "body is null");
        if (cpu < 0) {
            throw new HotplugException(Errno.EINVAL, "cpu " + cpu + " for thread '" + name + "' is negative");
        }
        int pid;
        synchronized (pidLock) {
            pid = nextPid++;
        }
        Task task = new Task(this, pid, name, cpu, body);
        task.since = nanoTime();
        task.started = true;
        live.put(pid, task);
        return task;
    }

    /** Starts a spawned thread's call chain as a kernel thread's: {@code ret_from_fork}, {@code kthread}. */
    final void kthreadFrames(Task task) {
        if (lockdep != null) {
            task.frames = new String[] {"ret_from_fork", "kthread", null, null, null, null, null, null};
            task.frameDepth = 2;
        }
    }

    final long toNanos(Duration duration, String method) {
        // The caller's name is built only for the error message: delays are on the hot path.
        return EngineChecks.toNanos(duration, method, () -> {
            Task task = currentOrNull();
            return task != null ? "emulated thread '" + task.name + "'" : "thread '" + Thread.currentThread().getName() + "'";
        });
    }

    final Task self(String method) {
        Task task = currentOrNull();
        if (task == null) {
            throw new HotplugException(Errno.EPERM, method + " called from non-emulated thread '"
                    + Thread.currentThread().getName() + "'; run it inside Engine.execute");
        }
        return task;
    }

    /** Takes a primitive's lock for a report, giving up after a moment rather than hang the reporter. */
    static boolean tryLockBriefly(ReentrantLock lock) {
        try {
            return lock.tryLock(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- Engine and TaskContext ----

    @Override
    public final List<ThreadReport> threads() {
        List<ThreadReport> reports = new ArrayList<>();
        for (Task task : live.values()) {
            reports.add(task.report());
        }
        return List.copyOf(reports);
    }

    @Override
    public final long seed() {
        return options.seed();
    }

    @Override
    public final EmulatedThread current() {
        return self("current");
    }

    @Override
    public final int cpu() {
        Task task = currentOrNull();
        return task == null ? 0 : task.cpu;
    }

    @Override
    public final String comm() {
        Task task = currentOrNull();
        return task == null ? "<external>" : task.name;
    }

    @Override
    public final int pid() {
        Task task = currentOrNull();
        return task == null ? 0 : task.pid;
    }

    @Override
    public final boolean irqsOff() {
        Task task = currentOrNull();
        return task != null && task.atomicDepth > 0;
    }

    @Override
    public final void enterAtomic() {
        self("enterAtomic").atomicDepth++;
    }

    @Override
    public final void exitAtomic() {
        Task task = self("exitAtomic");
        if (task.atomicDepth == 0) {
            throw new KernelBugException("BUG: exitAtomic without enterAtomic in " + task.name + "/" + task.pid);
        }
        task.atomicDepth--;
    }

    @Override
    public final boolean inAtomic() {
        return self("inAtomic").atomicDepth > 0;
    }

    @Override
    public final void sleep(Duration duration) {
        Task task = self("sleep");
        long nanos = toNanos(duration, "sleep");
        EngineChecks.mightSleep(task, "msleep");
        waitUntil(task, "sleep", nanos);
    }

    @Override
    public final void delay(Duration duration) {
        Task task = self("delay");
        waitUntil(task, "udelay", toNanos(duration, "delay"));
    }

    private void waitUntil(Task task, String reason, long nanos) {
        long deadline = nanoTime() + nanos;
        while (nanoTime() < deadline) {
            block(task, Task.State.SLEEPING, reason, deadline);
        }
    }

    @Override
    public final void park(String reason) {
        Task task = self("park");
        requireNonNull(reason, "reason is null");
        EngineChecks.mightSleep(task, "kthread_parkme");
        parkLock.lock();
        try {
            if (task.parkPermit) {
                task.parkPermit = false;
                return;
            }
            task.granted = false;
            task.parkWaiting = true;
        } finally {
            parkLock.unlock();
        }
        awaitGrant(task, "park: " + reason, -1, null, null, null);
    }

    @Override
    public final void unpark(EmulatedThread thread) {
        Task self = self("unpark");
        if (!(thread instanceof Task task) || task.engine != this) {
            throw new HotplugException(Errno.EINVAL, "unpark of " + thread + " which is not a thread of this engine");
        }
        boolean woke;
        parkLock.lock();
        try {
            woke = task.parkWaiting;
            if (woke) {
                task.parkWaiting = false;
                task.granted = true;
            } else {
                task.parkPermit = true;
            }
        } finally {
            parkLock.unlock();
        }
        if (woke) {
            wake(task);
            preempt(self);
        }
    }

    /**
     * Waits until a primitive sets {@code self.granted}. On timeout, removes {@code self} from
     * {@code queue} under {@code lock} unless the grant raced with the timeout.
     */
    final boolean awaitGrant(Task self, String reason, long deadline, ReentrantLock lock, ArrayDeque<Task> queue,
            Blocker blocker) {
        self.blocker = blocker;
        try {
            return awaitGrant(self, reason, deadline, lock, queue);
        } finally {
            self.blocker = null;
        }
    }

    private boolean awaitGrant(Task self, String reason, long deadline, ReentrantLock lock, ArrayDeque<Task> queue) {
        while (!self.granted) {
            if (!block(self, Task.State.BLOCKED, reason, deadline) && !self.granted) {
                lock.lock();
                try {
                    if (self.granted) {
                        return true;
                    }
                    queue.remove(self);
                    return false;
                } finally {
                    lock.unlock();
                }
            }
        }
        return true;
    }

    @Override
    public final Completion newCompletion(String name) {
        return new EngineCompletion(this, requireNonNull(name, "name is null"));
    }

    @Override
    public final Mutex newMutex(String name) {
        return new EngineMutex(this, requireNonNull(name, "name is null"));
    }

    @Override
    public final RwSemaphore newRwSemaphore(String name) {
        return new EngineRwSemaphore(this, requireNonNull(name, "name is null"));
    }
}
