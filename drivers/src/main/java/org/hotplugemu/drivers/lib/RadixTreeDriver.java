package org.hotplugemu.drivers.lib;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models radix tree per-CPU node preload (lib/radix-tree.c), with the kernel's state names and callback symbols.
 */
public final class RadixTreeDriver extends SimpleStateDriver {
    public RadixTreeDriver() {
        super("radix_tree", 240, allArchitectures(),
                StateSpec.noCalls("CPUHP_RADIX_DEAD", "lib/radix:dead", null, "radix_tree_cpu_dead"));
    }
}
