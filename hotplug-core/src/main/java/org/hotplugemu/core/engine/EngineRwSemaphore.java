package org.hotplugemu.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.hotplugemu.api.sched.KernelBugException;
import org.hotplugemu.api.sched.RwSemaphore;

/**
 * A reader-writer semaphore over the engine's block/wake. Waiters are served in arrival order, so a
 * waiting writer holds back readers that come after it, a thread already reading included: as with
 * {@code percpu_down_read} once a writer has set {@code block}, such a recursive read deadlocks
 * (lockdep, when on, reports it first as {@code possible recursive locking detected}).
 */
final class EngineRwSemaphore implements RwSemaphore, Blocker {
    private final EngineSupport engine;
    private final String name;
    private final String readReason;
    private final String writeReason;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Task> waiters = new ArrayDeque<>();
    /** One entry per read hold, so recursive reads count. */
    private final List<Task> readers = new ArrayList<>();
    private Task writer;
    /** This lock as lockdep knows it; null without lockdep. */
    private final LockInstance dep;
    private final String readFunction;
    private final String writeFunction;

    EngineRwSemaphore(EngineSupport engine, String name) {
        this.engine = engine;
        this.name = name;
        this.readReason = "rwsem " + name + " (read)";
        this.writeReason = "rwsem " + name + " (write)";
        // cpu_hotplug_lock is the kernel's one percpu_rw_semaphore among the emulated locks.
        boolean percpu = name.equals("cpu_hotplug_lock");
        Lockdep lockdep = engine.lockdep;
        this.dep = lockdep == null ? null : lockdep.register(name, percpu ? LockClass.Kind.PERCPU_RWSEM : LockClass.Kind.RWSEM);
        this.readFunction = percpu ? "percpu_down_read" : "down_read";
        this.writeFunction = percpu ? "percpu_down_write" : "down_write";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void readLock() {
        Task self = engine.self("readLock");
        EngineChecks.mightSleep(self, "down_read");
        if (dep != null) {
            engine.lockdep.acquire(self, dep, true, readFunction);
        }
        lock.lock();
        try {
            if (writer == self) {
                throw selfDeadlock(self, "read", "write");
            }
            // No reader passes a queued writer, not even one that already reads: that one deadlocks.
            if (writer == null && waiters.isEmpty()) {
                readers.add(self);
                return;
            }
            self.granted = false;
            self.waitsForWrite = false;
            waiters.addLast(self);
        } finally {
            lock.unlock();
        }
        engine.awaitGrant(self, readReason, -1, lock, waiters, this);
    }

    @Override
    public void readUnlock() {
        Task self = engine.self("readUnlock");
        List<Task> woken;
        lock.lock();
        try {
            if (!readers.remove(self)) {
                throw new KernelBugException("BUG: rwsem " + name + " read-unlocked by " + describe(self)
                        + " which does not hold it for read");
            }
            if (dep != null) {
                engine.lockdep.release(self, dep);
            }
            woken = readers.isEmpty() ? grantWaiters() : List.of();
        } finally {
            lock.unlock();
        }
        wakeAll(self, woken);
    }

    @Override
    public void writeLock() {
        Task self = engine.self("writeLock");
        EngineChecks.mightSleep(self, "down_write");
        if (dep != null) {
            engine.lockdep.acquire(self, dep, false, writeFunction);
        }
        lock.lock();
        try {
            if (writer == self) {
                throw selfDeadlock(self, "write", "write");
            }
            if (readers.contains(self)) {
                throw selfDeadlock(self, "write", "read");
            }
            if (writer == null && readers.isEmpty() && waiters.isEmpty()) {
                writer = self;
                return;
            }
            self.granted = false;
            self.waitsForWrite = true;
            waiters.addLast(self);
        } finally {
            lock.unlock();
        }
        engine.awaitGrant(self, writeReason, -1, lock, waiters, this);
    }

    @Override
    public void writeUnlock() {
        Task self = engine.self("writeUnlock");
        List<Task> woken;
        lock.lock();
        try {
            if (writer != self) {
                throw new KernelBugException("BUG: rwsem " + name + " write-unlocked by " + describe(self)
                        + " but the writer is " + (writer == null ? "nobody" : describe(writer)));
            }
            writer = null;
            if (dep != null) {
                engine.lockdep.release(self, dep);
            }
            woken = grantWaiters();
        } finally {
            lock.unlock();
        }
        wakeAll(self, woken);
    }

    /** With the lock free, grants it to the first waiting writer or to the readers at the front. */
    private List<Task> grantWaiters() {
        Task first = waiters.peekFirst();
        if (first == null) {
            return List.of();
        }
        if (first.waitsForWrite) {
            waiters.pollFirst();
            writer = first;
            first.granted = true;
            return List.of(first);
        }
        List<Task> woken = new ArrayList<>();
        while (!waiters.isEmpty() && !waiters.peekFirst().waitsForWrite) {
            Task reader = waiters.pollFirst();
            readers.add(reader);
            reader.granted = true;
            woken.add(reader);
        }
        return woken;
    }

    private void wakeAll(Task self, List<Task> woken) {
        for (Task task : woken) {
            engine.wake(task);
        }
        if (!woken.isEmpty()) {
            engine.preempt(self);
        }
    }

    @Override
    public boolean isWriteLockedByCurrentThread() {
        Task self = engine.self("isWriteLockedByCurrentThread");
        lock.lock();
        try {
            return writer == self;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isReadLockedByCurrentThread() {
        Task self = engine.self("isReadLockedByCurrentThread");
        lock.lock();
        try {
            return readers.contains(self);
        } finally {
            lock.unlock();
        }
    }

    private KernelBugException selfDeadlock(Task self, String wanted, String held) {
        return new KernelBugException("BUG: rwsem " + name + ": " + describe(self) + " takes it for " + wanted
                + " while holding it for " + held + ", which would deadlock");
    }

    private static String describe(Task task) {
        return task.name + "/" + task.pid;
    }

    @Override
    public String holders() {
        if (!EngineSupport.tryLockBriefly(lock)) {
            return "(busy)";
        }
        try {
            if (writer != null) {
                return describe(writer) + " (write)";
            }
            if (readers.isEmpty()) {
                return "";
            }
            // One name per holder, in arrival order; a recursive reader is named once.
            java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
            for (Task reader : readers) {
                names.add(describe(reader));
            }
            return String.join(", ", names) + " (read)";
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "rwsem " + name;
    }
}
