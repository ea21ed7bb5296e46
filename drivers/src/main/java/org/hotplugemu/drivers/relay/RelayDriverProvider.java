package org.hotplugemu.drivers.relay;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link RelayDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class RelayDriverProvider extends StockDriverProvider {
    public RelayDriverProvider() {
        super("relay", 170, Set.of(), RelayDriver::new);
    }
}
