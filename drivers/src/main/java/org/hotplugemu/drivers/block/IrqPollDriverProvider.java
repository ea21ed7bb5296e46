package org.hotplugemu.drivers.block;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link IrqPollDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class IrqPollDriverProvider extends StockDriverProvider {
    public IrqPollDriverProvider() {
        super("irq_poll", 270, Set.of(), IrqPollDriver::new);
    }
}
