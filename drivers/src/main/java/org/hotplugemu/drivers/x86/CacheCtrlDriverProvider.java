package org.hotplugemu.drivers.x86;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link CacheCtrlDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class CacheCtrlDriverProvider extends StockDriverProvider {
    public CacheCtrlDriverProvider() {
        super("x86_cachectrl", 105, Set.of("x86"), CacheCtrlDriver::new);
    }
}
