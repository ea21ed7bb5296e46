package org.hotplugemu.drivers.mm;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link VmStackCacheDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class VmStackCacheDriverProvider extends StockDriverProvider {
    public VmStackCacheDriverProvider() {
        super("fork", 350, Set.of(), VmStackCacheDriver::new);
    }
}
