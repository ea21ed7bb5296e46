package org.hotplugemu.drivers.irq;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models managed interrupt affinity (kernel/irq/affinity), with the kernel's state names and callback symbols.
 */
public final class IrqAffinityDriver extends SimpleStateDriver {
    public IrqAffinityDriver() {
        super("irq_affinity", 190, allArchitectures(),
                StateSpec.noCalls("CPUHP_AP_IRQ_AFFINITY_ONLINE", "irq/affinity:online", "irq_affinity_online_cpu", null));
    }
}
