package org.hotplugemu.drivers.irq;

import com.google.auto.service.AutoService;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models managed interrupt affinity (kernel/irq/affinity), with the kernel's state names and callback symbols.
 */
@AutoService(HotplugDriver.class)
public final class IrqAffinityDriver extends SimpleStateDriver {
    public IrqAffinityDriver() {
        super("irq_affinity", 190, allArchitectures(),
                StateSpec.noCalls("CPUHP_AP_IRQ_AFFINITY_ONLINE", "irq/affinity:online", "irq_affinity_online_cpu", null));
    }
}
