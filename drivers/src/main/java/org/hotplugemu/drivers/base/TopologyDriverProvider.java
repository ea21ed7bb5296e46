package org.hotplugemu.drivers.base;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link TopologyDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class TopologyDriverProvider extends StockDriverProvider {
    public TopologyDriverProvider() {
        super("topology", 320, Set.of(), TopologyDriver::new);
    }
}
