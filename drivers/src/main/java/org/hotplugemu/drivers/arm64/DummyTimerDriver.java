package org.hotplugemu.drivers.arm64;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the dummy broadcast clock event device (drivers/clocksource/dummy_timer.c), with the kernel's state names and callback symbols.
 */
public final class DummyTimerDriver extends SimpleStateDriver {
    public DummyTimerDriver() {
        super("dummy_timer", 420, only("arm64"),
                StateSpec.calls("CPUHP_AP_DUMMY_TIMER_STARTING", "clockevents/dummy_timer:starting", "dummy_timer_starting_cpu", null));
    }
}
