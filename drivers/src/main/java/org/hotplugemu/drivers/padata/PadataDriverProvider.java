package org.hotplugemu.drivers.padata;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link PadataDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class PadataDriverProvider extends StockDriverProvider {
    public PadataDriverProvider() {
        super("padata", 520, Set.of(), PadataDriver::new);
    }
}
