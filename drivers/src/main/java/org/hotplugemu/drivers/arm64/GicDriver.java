package org.hotplugemu.drivers.arm64;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the GICv2 CPU interface (drivers/irqchip/irq-gic.c), with the kernel's state names and callback symbols.
 */
public final class GicDriver extends SimpleStateDriver {
    public GicDriver() {
        super("irqchip_gic", 370, only("arm64"),
                StateSpec.noCalls("CPUHP_AP_IRQ_GIC_STARTING", "irqchip/arm/gic:starting", "gic_starting_cpu", null));
    }
}
