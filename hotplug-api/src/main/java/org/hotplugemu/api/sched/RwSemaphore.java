package org.hotplugemu.api.sched;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A reader-writer semaphore such as {@code cpu_hotplug_lock}: many readers or one writer.
 *
 * <p>A waiting writer blocks new readers, so writers are not starved: a thread that already reads
 * and reads again behind a waiting writer deadlocks, as with the kernel's {@code percpu_down_read}.
 * Taking it again in a mode
 * that would deadlock the current thread (read while holding write, write while holding read or
 * write) fails with a {@link KernelBugException} naming the lock and the thread.
 */
@API(status = STABLE, since = "0.1")
public interface RwSemaphore {
    String name();

    void readLock();

    void readUnlock();

    void writeLock();

    void writeUnlock();

    boolean isWriteLockedByCurrentThread();

    boolean isReadLockedByCurrentThread();
}
