package org.hotplugemu.drivers.rcu;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link RcuDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class RcuDriverProvider extends StockDriverProvider {
    public RcuDriverProvider() {
        super("rcu", 120, Set.of(), RcuDriver::new);
    }
}
