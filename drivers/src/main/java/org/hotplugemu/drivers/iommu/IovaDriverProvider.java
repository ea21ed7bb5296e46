package org.hotplugemu.drivers.iommu;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link IovaDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class IovaDriverProvider extends StockDriverProvider {
    public IovaDriverProvider() {
        super("iommu_iova", 310, Set.of(), IovaDriver::new);
    }
}
