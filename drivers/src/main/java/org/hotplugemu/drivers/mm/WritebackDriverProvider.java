package org.hotplugemu.drivers.mm;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link WritebackDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class WritebackDriverProvider extends StockDriverProvider {
    public WritebackDriverProvider() {
        super("writeback", 500, Set.of(), WritebackDriver::new);
    }
}
