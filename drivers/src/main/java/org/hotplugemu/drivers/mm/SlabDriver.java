package org.hotplugemu.drivers.mm;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the static SLAB entry of kernel/cpu.c; with SLUB (as in the reference kernels) both callbacks are NULL, with the kernel's state names and callback symbols.
 */
public final class SlabDriver extends SimpleStateDriver {
    public SlabDriver() {
        super("slab", 180, allArchitectures(),
                StateSpec.noCalls("CPUHP_SLAB_PREPARE", "slab:prepare", null, null));
    }
}
