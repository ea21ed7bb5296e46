package org.hotplugemu.drivers.block;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models blk-mq hardware contexts: one instance per hardware queue (none on the reference machines), with the kernel's state names and callback symbols.
 */
public final class BlockMqDriver extends SimpleStateDriver {
    public BlockMqDriver() {
        super("blk_mq", 300, allArchitectures(),
                StateSpec.multi("CPUHP_BLK_MQ_DEAD", "block/mq:dead", null, "blk_mq_hctx_notify_dead"),
                StateSpec.multi("CPUHP_AP_BLK_MQ_ONLINE", "block/mq:online", "blk_mq_hctx_notify_online", "blk_mq_hctx_notify_offline"));
    }
}
