package org.hotplugemu.drivers.mm;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models SLUB per-CPU slabs flushed when a CPU dies (mm/slub.c), with the kernel's state names and callback symbols.
 */
public final class SlubDriver extends SimpleStateDriver {
    public SlubDriver() {
        super("slub", 210, allArchitectures(),
                StateSpec.noCalls("CPUHP_SLUB_DEAD", "slub:dead", null, "slub_cpu_dead"));
    }
}
