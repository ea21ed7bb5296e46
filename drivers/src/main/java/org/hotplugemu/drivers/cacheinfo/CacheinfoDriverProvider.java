package org.hotplugemu.drivers.cacheinfo;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link CacheinfoDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class CacheinfoDriverProvider extends StockDriverProvider {
    public CacheinfoDriverProvider() {
        super("cacheinfo", 400, Set.of(), CacheinfoDriver::new);
    }
}
