package org.hotplugemu.drivers.mm;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link MemcgDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class MemcgDriverProvider extends StockDriverProvider {
    public MemcgDriverProvider() {
        super("memcg", 230, Set.of(), MemcgDriver::new);
    }
}
