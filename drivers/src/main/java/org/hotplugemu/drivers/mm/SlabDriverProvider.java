package org.hotplugemu.drivers.mm;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link SlabDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class SlabDriverProvider extends StockDriverProvider {
    public SlabDriverProvider() {
        super("slab", 180, Set.of(), SlabDriver::new);
    }
}
