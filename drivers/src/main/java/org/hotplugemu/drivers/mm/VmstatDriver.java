package org.hotplugemu.drivers.mm;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models per-CPU VM statistics and their shepherd work (mm/vmstat.c, dynamic slot 202), with the kernel's state names and callback symbols.
 */
public final class VmstatDriver extends SimpleStateDriver {
    public VmstatDriver() {
        super("vmstat", 510, allArchitectures(),
                StateSpec.noCalls("CPUHP_MM_VMSTAT_DEAD", "mm/vmstat:dead", null, "vmstat_cpu_dead"),
                StateSpec.noCalls("CPUHP_AP_ONLINE_DYN", "mm/vmstat:online", "vmstat_cpu_online", "vmstat_cpu_down_prep"));
    }
}
