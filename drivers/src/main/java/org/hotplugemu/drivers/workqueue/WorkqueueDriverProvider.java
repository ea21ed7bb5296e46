package org.hotplugemu.drivers.workqueue;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link WorkqueueDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class WorkqueueDriverProvider extends StockDriverProvider {
    public WorkqueueDriverProvider() {
        super("workqueue", 110, Set.of(), WorkqueueDriver::new);
    }
}
