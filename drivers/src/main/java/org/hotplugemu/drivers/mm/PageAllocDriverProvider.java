package org.hotplugemu.drivers.mm;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link PageAllocDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class PageAllocDriverProvider extends StockDriverProvider {
    public PageAllocDriverProvider() {
        super("page_alloc", 220, Set.of(), PageAllocDriver::new);
    }
}
