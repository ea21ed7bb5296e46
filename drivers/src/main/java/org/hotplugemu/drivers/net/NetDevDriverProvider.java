package org.hotplugemu.drivers.net;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link NetDevDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class NetDevDriverProvider extends StockDriverProvider {
    public NetDevDriverProvider() {
        super("net_dev", 250, Set.of(), NetDevDriver::new);
    }
}
