package org.hotplugemu.drivers.arm64;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models breakpoint and watchpoint registers reset on each CPU (arch/arm64/kernel/hw_breakpoint.c), with the kernel's state names and callback symbols.
 */
public final class HwBreakpointDriver extends SimpleStateDriver {
    public HwBreakpointDriver() {
        super("arm64_hw_breakpoint", 390, only("arm64"),
                StateSpec.calls("CPUHP_AP_PERF_ARM_HW_BREAKPOINT_STARTING", "perf/arm64/hw_breakpoint:starting", "hw_breakpoint_reset", null));
    }
}
