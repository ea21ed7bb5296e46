package org.hotplugemu.drivers.arm64;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the cpu_capacity sysfs attribute of drivers/base/arch_topology.c in 6.12:
 * {@code topology/cpu-capacity}, a dynamic ONLINE state registered with calls. Kernels that have it
 * are told apart by {@code CPUHP_AP_TMIGR_ONLINE} (6.9+).
 *
 * <p>Experimental.
 */
public final class CpuCapacityDriver extends SimpleStateDriver {
    public CpuCapacityDriver() {
        super("cpu_capacity", 545, only("arm64"),
                StateSpec.calls("CPUHP_AP_ONLINE_DYN", "topology/cpu-capacity", "cpu_capacity_sysctl_add", "cpu_capacity_sysctl_remove").when("CPUHP_AP_TMIGR_ONLINE"));
    }
}
