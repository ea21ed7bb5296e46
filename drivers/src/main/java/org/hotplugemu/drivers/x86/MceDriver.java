package org.hotplugemu.drivers.x86;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models machine check banks and the per-CPU poll timer (arch/x86/kernel/cpu/mce/core.c), with the kernel's state names and callback symbols.
 */
public final class MceDriver extends SimpleStateDriver {
    public MceDriver() {
        super("mce", 590, only("x86"),
                StateSpec.noCalls("CPUHP_X86_MCE_DEAD", "x86/mce:dead", null, "mce_cpu_dead"),
                StateSpec.calls("CPUHP_AP_ONLINE_DYN", "x86/mce:online", "mce_cpu_online", "mce_cpu_pre_down"));
    }
}
