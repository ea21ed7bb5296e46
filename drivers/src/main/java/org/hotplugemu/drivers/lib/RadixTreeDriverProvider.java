package org.hotplugemu.drivers.lib;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link RadixTreeDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class RadixTreeDriverProvider extends StockDriverProvider {
    public RadixTreeDriverProvider() {
        super("radix_tree", 240, Set.of(), RadixTreeDriver::new);
    }
}
