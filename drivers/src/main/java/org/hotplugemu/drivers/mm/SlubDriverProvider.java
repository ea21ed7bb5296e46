package org.hotplugemu.drivers.mm;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link SlubDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class SlubDriverProvider extends StockDriverProvider {
    public SlubDriverProvider() {
        super("slub", 210, Set.of(), SlubDriver::new);
    }
}
