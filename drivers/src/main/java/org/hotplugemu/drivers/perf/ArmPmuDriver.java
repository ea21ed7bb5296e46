package org.hotplugemu.drivers.perf;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the Arm PMU framework (drivers/perf/arm_pmu.c): a multi-instance state with one instance per PMU; the reference machine has one, armv8_pmuv3_0, with the kernel's state names and callback symbols.
 */
public final class ArmPmuDriver extends SimpleStateDriver {
    public ArmPmuDriver() {
        super("arm_pmu", 450, only("arm64"),
                StateSpec.multi("CPUHP_AP_PERF_ARM_STARTING", "perf/arm/pmu:starting", "arm_perf_starting_cpu", "arm_perf_teardown_cpu", "armv8_pmuv3_0"));
    }
}
