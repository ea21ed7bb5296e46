package org.hotplugemu.drivers.lib;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link PercpuCounterDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class PercpuCounterDriverProvider extends StockDriverProvider {
    public PercpuCounterDriverProvider() {
        super("percpu_counter", 560, Set.of(), PercpuCounterDriver::new);
    }
}
