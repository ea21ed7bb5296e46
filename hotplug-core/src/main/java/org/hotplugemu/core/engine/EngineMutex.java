package org.hotplugemu.core.engine;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.hotplugemu.api.sched.KernelBugException;
import org.hotplugemu.api.sched.Mutex;

/** A kernel mutex over the engine's block/wake; unlock hands ownership to the oldest waiter. */
final class EngineMutex implements Mutex, Blocker {
    private final EngineSupport engine;
    private final String name;
    private final String reason;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Task> waiters = new ArrayDeque<>();
    private Task owner;
    /** This lock as lockdep knows it; null without lockdep. */
    private final LockInstance dep;

    EngineMutex(EngineSupport engine, String name) {
        this.engine = engine;
        this.name = name;
        this.reason = "mutex " + name;
        Lockdep lockdep = engine.lockdep;
        this.dep = lockdep == null ? null : lockdep.register(name, LockClass.Kind.MUTEX);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void lock() {
        Task self = engine.self("lock");
        EngineChecks.mightSleep(self, "mutex_lock");
        if (dep != null) {
            engine.lockdep.acquire(self, dep, false, "mutex_lock");
        }
        lock.lock();
        try {
            if (owner == self) {
                throw new KernelBugException("BUG: recursive locking of mutex " + name + " by "
                        + self.name + "/" + self.pid + ", which already holds it");
            }
            if (owner == null) {
                owner = self;
                return;
            }
            self.granted = false;
            waiters.addLast(self);
        } finally {
            lock.unlock();
        }
        engine.awaitGrant(self, reason, -1, lock, waiters, this);
    }

    @Override
    public boolean tryLock() {
        Task self = engine.self("tryLock");
        lock.lock();
        try {
            if (owner == null) {
                owner = self;
                if (dep != null) {
                    engine.lockdep.tryAcquired(self, dep, false);
                }
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void unlock() {
        Task self = engine.self("unlock");
        Task next;
        lock.lock();
        try {
            if (owner != self) {
                throw new KernelBugException("BUG: mutex " + name + " unlocked by " + self.name + "/" + self.pid
                        + " but owned by " + (owner == null ? "nobody" : owner.name + "/" + owner.pid));
            }
            if (dep != null) {
                engine.lockdep.release(self, dep);
            }
            next = waiters.pollFirst();
            owner = next;
            if (next != null) {
                next.granted = true;
            }
        } finally {
            lock.unlock();
        }
        if (next != null) {
            engine.wake(next);
            engine.preempt(self);
        }
    }

    @Override
    public boolean isHeldByCurrentThread() {
        Task self = engine.self("isHeldByCurrentThread");
        lock.lock();
        try {
            return owner == self;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String holders() {
        if (!EngineSupport.tryLockBriefly(lock)) {
            return "(busy)";
        }
        try {
            return owner == null ? "" : owner.toString();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return reason;
    }
}
