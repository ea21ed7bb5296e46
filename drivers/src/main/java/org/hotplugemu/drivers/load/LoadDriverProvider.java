package org.hotplugemu.drivers.load;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link LoadDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class LoadDriverProvider extends StockDriverProvider {
    public LoadDriverProvider() {
        super("load", 9000, Set.of(), LoadDriver::new);
    }
}
