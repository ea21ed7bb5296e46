package org.hotplugemu.drivers.irq;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link IrqAffinityDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class IrqAffinityDriverProvider extends StockDriverProvider {
    public IrqAffinityDriverProvider() {
        super("irq_affinity", 190, Set.of(), IrqAffinityDriver::new);
    }
}
