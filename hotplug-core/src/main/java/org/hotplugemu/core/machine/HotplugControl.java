package org.hotplugemu.core.machine;

/**
 * Direct calls into an emulated machine's state machine, as the kernel's {@code add_cpu},
 * {@code remove_cpu} and {@code cpuhp} sysfs handlers make them. Each runs on the machine's control
 * thread and throws {@link org.hotplugemu.api.kernel.HotplugException} with the kernel's errno.
 *
 * <p>Experimental.
 */
public interface HotplugControl {
    /** {@code cpu_up(cpu, target)}. */
    void cpuUp(int cpu, int target);

    /** {@code cpu_down(cpu, target)}. */
    void cpuDown(int cpu, int target);

    /** Returns {@code cpuN/hotplug/state}. */
    int state(int cpu);

    /** Returns {@code cpuN/hotplug/target}. */
    int target(int cpu);

    /** {@code freeze_secondary_cpus(primary)}: every CPU but {@code primary} offline, hotplug disabled. */
    void freezeSecondaryCpus(int primary);

    /** {@code thaw_secondary_cpus()}: brings the frozen CPUs back and enables hotplug. */
    void thawSecondaryCpus();

    /**
     * Loads a driver after boot, as {@code insmod} would: runs its {@code register} on an emulated
     * thread, so its setup calls invoke startups on the CPUs already up.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EEXIST when a driver of that name is loaded
     */
    void loadDriver(org.hotplugemu.api.driver.HotplugDriver driver);

    /**
     * Unloads a loaded driver, as {@code rmmod} would: runs its {@code unregister}; ENOENT when not loaded.
     *
     * @return what the driver set up through its context and its {@code unregister} did not take down
     *         (states, instances, files, system device handlers, tracked resources still held), which
     *         stays in the machine as it would in a kernel; empty when it undid everything
     */
    java.util.List<org.hotplugemu.core.driver.Leftover> unloadDriver(String name);

    /**
     * Checks that every CPU at rest sits at its target with masks that agree with its state, and
     * every driver's resource accounting against the CPUs' states.
     *
     * @return one line per violation (driver, state, CPU, what is wrong); empty when all holds
     */
    java.util.List<String> checkInvariants();

    /**
     * Returns the drivers' resource accounting violations as values ({@link #checkInvariants()}
     * prints the same); reported acquire/release asymmetries are cleared once returned.
     * Experimental since 0.2.
     */
    default java.util.List<org.hotplugemu.core.driver.ResourceViolation> resourceViolations() {
        throw new org.hotplugemu.api.kernel.HotplugException(org.hotplugemu.api.kernel.Errno.EOPNOTSUPP, "this machine has no resource ledger");
    }
}
