package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Accounting for one per-CPU resource a driver sets up in a state's startup and frees in its
 * teardown (a worker pool, a timer base, an RCU data block). The invariant checker asserts after
 * any operation that it is held exactly on the CPUs whose state is at or above its state, and
 * reports a leaky or asymmetric callback with driver, state and CPU.
 */
@API(status = STABLE, since = "0.1")
public interface PerCpuResource {
    /** Records that {@code cpu} now holds the resource; holding it twice is reported. */
    void acquire(int cpu);

    /** Records that {@code cpu} released the resource; releasing one not held is reported. */
    void release(int cpu);

    boolean isHeld(int cpu);

    /** Binds a resource declared with {@link ResourceTracker#track(String)} to its state. */
    void bind(int state);
}
