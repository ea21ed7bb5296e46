package org.hotplugemu.drivers.arm64;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the OS lock cleared on each CPU (arch/arm64/kernel/debug-monitors.c), with the kernel's state names and callback symbols.
 */
public final class DebugMonitorsDriver extends SimpleStateDriver {
    public DebugMonitorsDriver() {
        super("arm64_debug_monitors", 380, only("arm64"),
                StateSpec.calls("CPUHP_AP_ARM64_DEBUG_MONITORS_STARTING", "arm64/debug_monitors:starting", "clear_os_lock", null));
    }
}
