package org.hotplugemu.drivers.softirq;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link SoftirqDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class SoftirqDriverProvider extends StockDriverProvider {
    public SoftirqDriverProvider() {
        super("softirq", 140, Set.of(), SoftirqDriver::new);
    }
}
