package org.hotplugemu.drivers.arm64;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the per-CPU architected timer clock event device (drivers/clocksource/arm_arch_timer.c), with the kernel's state names and callback symbols.
 */
public final class ArchTimerDriver extends SimpleStateDriver {
    public ArchTimerDriver() {
        super("arm_arch_timer", 410, only("arm64"),
                StateSpec.calls("CPUHP_AP_ARM_ARCH_TIMER_STARTING", "clockevents/arm/arch_timer:starting", "arch_timer_starting_cpu", "arch_timer_dying_cpu"),
                StateSpec.calls("CPUHP_AP_ARM_ARCH_TIMER_EVTSTRM_STARTING", "clockevents/arm/arch_timer_evtstrm:starting",
                        "arch_timer_evtstrm_starting_cpu", "arch_timer_evtstrm_dying_cpu"));
    }
}
