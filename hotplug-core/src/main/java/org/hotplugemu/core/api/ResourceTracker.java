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
}
