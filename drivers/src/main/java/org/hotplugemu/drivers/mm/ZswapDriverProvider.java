package org.hotplugemu.drivers.mm;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link ZswapDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class ZswapDriverProvider extends StockDriverProvider {
    public ZswapDriverProvider() {
        super("zswap", 340, Set.of(), ZswapDriver::new);
    }
}
