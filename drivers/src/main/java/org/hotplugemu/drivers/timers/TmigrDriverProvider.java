package org.hotplugemu.drivers.timers;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link TmigrDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class TmigrDriverProvider extends StockDriverProvider {
    public TmigrDriverProvider() {
        super("tmigr", 135, Set.of(), TmigrDriver::new);
    }
}
