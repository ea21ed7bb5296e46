package org.hotplugemu.core.api;

/**
 * Where a driver declares the per-CPU resources it accounts for.
 *
 * <p>Stable since 0.1.
 */
public interface ResourceTracker {
    /**
     * Declares a resource that must be held exactly on CPUs whose hotplug state is at or above
     * {@code state}.
     */
    PerCpuResource track(int state, String resourceName);

    /**
     * Declares a resource of a state whose number is not known yet (a dynamic state): acquire and
     * release it from the callbacks as usual, and {@link PerCpuResource#bind bind} it to the slot
     * {@code setupState} returned. Until it is bound it only records where it is held: the invariant
     * checker skips it, and neither it nor asymmetric acquires and releases are reported.
     */
    PerCpuResource track(String resourceName);
}
