package org.hotplugemu.drivers.block;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models per-CPU block completion lists (block/blk-mq.c), with the kernel's state names and callback symbols.
 */
public final class BlockSoftirqDriver extends SimpleStateDriver {
    public BlockSoftirqDriver() {
        super("block_softirq", 280, allArchitectures(),
                StateSpec.noCalls("CPUHP_BLOCK_SOFTIRQ_DEAD", "block/softirq:dead", null, "blk_softirq_cpu_dead"));
    }
}
