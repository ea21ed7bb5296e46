package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Where a driver declares the per-CPU resources it accounts for.
 *
 * <p>A resource of a state the driver set up through its own context is retired when that state is
 * removed or its setup failed: from then on it must be held on no CPU. A resource of an instance
 * must be held only while that instance is linked to its state.
 */
@API(status = STABLE, since = "0.1")
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

    /**
     * Declares a resource of one instance of a multi-instance state: it must be held on the CPUs at
     * or above {@code state} while {@code instance} is linked to it, and on none otherwise.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EOPNOTSUPP from a tracker that cannot
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default PerCpuResource track(int state, HotplugInstance instance, String resourceName) {
        throw new org.hotplugemu.api.kernel.HotplugException(org.hotplugemu.api.kernel.Errno.EOPNOTSUPP,
                "this resource tracker has no per-instance resources");
    }

    /**
     * Stops accounting for {@code resource}, e.g. once the driver freed it outside any callback;
     * nothing about it is reported afterwards.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EINVAL when this tracker does not track it,
     *         EOPNOTSUPP from a tracker that cannot untrack
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default void untrack(PerCpuResource resource) {
        throw new org.hotplugemu.api.kernel.HotplugException(org.hotplugemu.api.kernel.Errno.EOPNOTSUPP,
                "this resource tracker cannot untrack");
    }
}
