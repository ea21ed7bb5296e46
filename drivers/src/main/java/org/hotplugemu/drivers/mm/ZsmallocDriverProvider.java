package org.hotplugemu.drivers.mm;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link ZsmallocDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class ZsmallocDriverProvider extends StockDriverProvider {
    public ZsmallocDriverProvider() {
        super("zsmalloc", 335, Set.of(), ZsmallocDriver::new);
    }
}
