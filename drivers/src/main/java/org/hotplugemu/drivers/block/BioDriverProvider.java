package org.hotplugemu.drivers.block;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link BioDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class BioDriverProvider extends StockDriverProvider {
    public BioDriverProvider() {
        super("bio", 290, Set.of(), BioDriver::new);
    }
}
