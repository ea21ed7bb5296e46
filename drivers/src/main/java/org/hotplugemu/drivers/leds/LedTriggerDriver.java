package org.hotplugemu.drivers.leds;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the CPU LED trigger (drivers/leds/trigger/ledtrig-cpu.c), with the kernel's state names and callback symbols.
 */
public final class LedTriggerDriver extends SimpleStateDriver {
    public LedTriggerDriver() {
        super("ledtrig_cpu", 580, allArchitectures(),
                StateSpec.calls("CPUHP_AP_ONLINE_DYN", "leds/trigger:starting", "ledtrig_online_cpu", "ledtrig_prepare_down_cpu"));
    }
}
