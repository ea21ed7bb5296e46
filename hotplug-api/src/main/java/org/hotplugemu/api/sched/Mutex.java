package org.hotplugemu.api.sched;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A kernel {@code struct mutex}: a sleeping lock with an owner, not reentrant.
 *
 * <p>Locking a mutex the current thread already holds fails with a {@link KernelBugException}
 * instead of hanging, so a deadlock in emulated code is reported where it happens.
 */
@API(status = STABLE, since = "0.1")
public interface Mutex {
    String name();

    void lock();

    /** Returns {@code true} when the lock was free and is now held by the current thread. */
    boolean tryLock();

    /** Releases the lock; only its owner may call it. */
    void unlock();

    boolean isHeldByCurrentThread();
}
