package org.hotplugemu.core.engine;

import org.hotplugemu.api.sched.Scheduler;

/**
 * A lock lockdep knows that has no lock behind it ({@code struct lockdep_map} with
 * {@code lock_map_acquire}/{@code lock_map_release}), such as {@code cpuhp_state-up}: the hotplug
 * thread "holds" it while it runs callbacks, and the control side takes and drops it before kicking
 * that thread, so that lockdep sees through the hand-over what the callbacks run under. Does nothing
 * when the engine has no lockdep. Experimental.
 */
public final class LockMap {
    private final EngineSupport engine;
    private final Lockdep lockdep;
    private final LockInstance instance;

    private LockMap(EngineSupport engine, Lockdep lockdep, LockInstance instance) {
        this.engine = engine;
        this.lockdep = lockdep;
        this.instance = instance;
    }

    /** A map named {@code name} on {@code scheduler}'s lockdep, or one that does nothing without it. */
    public static LockMap create(Scheduler scheduler, String name) {
        if (scheduler instanceof EngineSupport support && support.lockdep != null) {
            return new LockMap(support, support.lockdep, support.lockdep.register(name, LockClass.Kind.MAP));
        }
        return new LockMap(null, null, null);
    }

    /** {@code lock_map_acquire}. */
    public void acquire() {
        if (lockdep != null) {
            Task task = engine.currentOrNull();
            if (task != null) {
                lockdep.acquire(task, instance, false, null);
            }
        }
    }

    /** {@code lock_map_release}. */
    public void release() {
        if (lockdep != null) {
            Task task = engine.currentOrNull();
            if (task != null) {
                lockdep.release(task, instance);
            }
        }
    }

    /** Acquires and releases at once: records what the caller holds against this map. */
    public void touch() {
        acquire();
        release();
    }
}
