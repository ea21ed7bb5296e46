package org.hotplugemu.drivers.arm64;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models deprecated instruction emulation hardware modes (arch/arm64/kernel/armv8_deprecated.c), with the kernel's state names and callback symbols.
 */
public final class InsnEmulationDriver extends SimpleStateDriver {
    public InsnEmulationDriver() {
        super("arm64_isndep", 430, only("arm64"),
                StateSpec.noCalls("CPUHP_AP_ARM64_ISNDEP_STARTING", "arm64/isndep:starting", "run_all_insn_set_hw_mode", null));
    }
}
