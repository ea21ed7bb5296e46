package org.hotplugemu.drivers.block;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models per-CPU irq_poll lists (lib/irq_poll.c), with the kernel's state names and callback symbols.
 */
public final class IrqPollDriver extends SimpleStateDriver {
    public IrqPollDriver() {
        super("irq_poll", 270, allArchitectures(),
                StateSpec.noCalls("CPUHP_IRQ_POLL_DEAD", "irq_poll:dead", null, "irq_poll_cpu_dead"));
    }
}
