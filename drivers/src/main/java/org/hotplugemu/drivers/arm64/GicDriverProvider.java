package org.hotplugemu.drivers.arm64;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link GicDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class GicDriverProvider extends StockDriverProvider {
    public GicDriverProvider() {
        super("irqchip_gic", 370, Set.of("arm64"), GicDriver::new);
    }
}
