package org.hotplugemu.core.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.hotplugemu.api.sched.Completion;

/** A kernel completion over the engine's block/wake: each complete() is consumed by one wait. */
final class EngineCompletion implements Completion {
    /** The kernel's UINT_MAX: completed for everyone until reinit. */
    private static final int ALL = Integer.MAX_VALUE;

    private final EngineSupport engine;
    private final String name;
    private final String reason;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Task> waiters = new ArrayDeque<>();
    private int done;

    EngineCompletion(EngineSupport engine, String name) {
        this.engine = engine;
        this.name = name;
        this.reason = "completion " + name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void complete() {
        Task self = engine.self("complete");
        Task woken;
        lock.lock();
        try {
            // Hand the completion straight to the oldest waiter so no later arrival can steal it.
            woken = waiters.pollFirst();
            if (woken != null) {
                woken.granted = true;
            } else if (done != ALL) {
                done++;
            }
        } finally {
            lock.unlock();
        }
        if (woken != null) {
            engine.wake(woken);
            engine.preempt(self);
        }
    }

    @Override
    public void completeAll() {
        Task self = engine.self("completeAll");
        Task[] woken;
        lock.lock();
        try {
            done = ALL;
            woken = waiters.toArray(new Task[0]);
            waiters.clear();
            for (Task task : woken) {
                task.granted = true;
            }
        } finally {
            lock.unlock();
        }
        for (Task task : woken) {
            engine.wake(task);
        }
        if (woken.length > 0) {
            engine.preempt(self);
        }
    }

    @Override
    public void await() {
        Task self = engine.self("await");
        EngineChecks.mightSleep(self, "wait_for_completion");
        if (!enqueueUnlessDone(self)) {
            engine.awaitGrant(self, reason, -1, lock, waiters, null);
        }
    }

    @Override
    public boolean await(Duration timeout) {
        Task self = engine.self("await");
        long nanos = engine.toNanos(timeout, "await");
        EngineChecks.mightSleep(self, "wait_for_completion_timeout");
        long deadline = engine.nanoTime() + nanos;
        if (enqueueUnlessDone(self)) {
            return true;
        }
        return engine.awaitGrant(self, reason, deadline, lock, waiters, null);
    }

    /** Consumes one completion and returns true, or queues {@code self} and returns false. */
    private boolean enqueueUnlessDone(Task self) {
        lock.lock();
        try {
            if (done > 0) {
                if (done != ALL) {
                    done--;
                }
                return true;
            }
            self.granted = false;
            waiters.addLast(self);
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void reinit() {
        lock.lock();
        try {
            done = 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isDone() {
        lock.lock();
        try {
            return done > 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return reason;
    }
}
