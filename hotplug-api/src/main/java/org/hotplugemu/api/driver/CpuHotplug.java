package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The kernel's CPU hotplug registration API ({@code cpuhp_setup_state} and friends), as drivers
 * call it.
 *
 * <p>State numbers differ between kernel versions, so look them up by their
 * {@code include/linux/cpuhotplug.h} name with {@link #state(String)}. Errors are thrown as
 * {@link org.hotplugemu.api.kernel.HotplugException} with the kernel's errno: EINVAL for a bad state or
 * name, EBUSY for a named static state, ENOSPC when the dynamic range is full. Calling any of these
 * from inside a hotplug callback fails with EDEADLK instead of deadlocking as the kernel would.
 */
@API(status = STABLE, since = "0.1")
public interface CpuHotplug {
    /**
     * Returns the number of a state by its kernel enum name, with or without the {@code CPUHP_}
     * prefix, e.g. {@code CPUHP_AP_ONLINE_DYN}.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EINVAL when the profile has no such state
     */
    int state(String kernelName);

    /**
     * Like {@link #state(String)}, for drivers that support several kernel versions: returns empty
     * when this kernel has no such state instead of failing.
     */
    default java.util.OptionalInt findState(String kernelName) {
        try {
            return java.util.OptionalInt.of(state(kernelName));
        }
        catch (org.hotplugemu.api.kernel.HotplugException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /**
     * Installs callbacks for {@code state} and invokes {@code startup} on every present CPU that is
     * at or above it ({@code cpuhp_setup_state}). Either callback may be null.
     *
     * @return 0 for a static state, the allocated slot for a dynamic base state
     */
    int setupState(int state, String name, Callback startup, Callback teardown);

    /** Like {@link #setupState} but invokes nothing ({@code cpuhp_setup_state_nocalls}). */
    int setupStateNoCalls(int state, String name, Callback startup, Callback teardown);

    /** Like {@link #setupState} for a caller that holds {@link #cpusReadLock()}. */
    int setupStateCpusLocked(int state, String name, Callback startup, Callback teardown);

    /** Like {@link #setupStateNoCalls} for a caller that holds {@link #cpusReadLock()}. */
    int setupStateNoCallsCpusLocked(int state, String name, Callback startup, Callback teardown);

    /** Creates a multi-instance state with no instances and invokes nothing ({@code cpuhp_setup_state_multi}). */
    int setupMultiState(int state, String name, MultiCallback startup, MultiCallback teardown);

    /**
     * Adds an instance to a multi-instance state and invokes its startup on every present CPU at or
     * above the state; on failure rolls back and does not link it ({@code cpuhp_state_add_instance}).
     */
    void addInstance(int state, HotplugInstance instance);

    /** Links an instance without invoking anything ({@code cpuhp_state_add_instance_nocalls}). */
    void addInstanceNoCalls(int state, HotplugInstance instance);

    /** Invokes the instance's teardown on CPUs at or above the state and unlinks it. */
    void removeInstance(int state, HotplugInstance instance);

    /** Unlinks the instance without invoking anything. */
    void removeInstanceNoCalls(int state, HotplugInstance instance);

    /** Invokes the teardown on every present CPU at or above the state, then frees it ({@code cpuhp_remove_state}). */
    void removeState(int state);

    /** Frees the state without invoking anything ({@code cpuhp_remove_state_nocalls}). */
    void removeStateNoCalls(int state);

    /** Takes {@code cpu_hotplug_lock} for read ({@code cpus_read_lock}). */
    void cpusReadLock();

    void cpusReadUnlock();

    /**
     * Registers a per-CPU smpboot thread: creates it on every possible CPU and unparks it on
     * online ones ({@code smpboot_register_percpu_thread}).
     */
    SmpbootThreads registerSmpbootThread(SmpbootThread thread);

    CpuMask possibleMask();

    CpuMask presentMask();

    CpuMask onlineMask();

    CpuMask activeMask();

    CpuMask dyingMask();

    /** Returns the current hotplug state of {@code cpu} (what {@code cpuN/hotplug/state} shows). */
    int cpuState(int cpu);

    /** Returns {@code nr_cpu_ids}: one more than the highest possible CPU. */
    int nrCpuIds();
}
