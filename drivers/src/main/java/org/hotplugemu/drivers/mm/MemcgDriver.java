package org.hotplugemu.drivers.mm;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models memory cgroup per-CPU stock drained when a CPU dies (mm/memcontrol.c), with the kernel's state names and callback symbols.
 */
public final class MemcgDriver extends SimpleStateDriver {
    public MemcgDriver() {
        super("memcg", 230, allArchitectures(),
                StateSpec.noCalls("CPUHP_MM_MEMCQ_DEAD", "mm/memctrl:dead", null, "memcg_hotplug_cpu_dead"));
    }
}
