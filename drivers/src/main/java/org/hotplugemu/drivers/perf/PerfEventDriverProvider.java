package org.hotplugemu.drivers.perf;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link PerfEventDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class PerfEventDriverProvider extends StockDriverProvider {
    public PerfEventDriverProvider() {
        super("perf", 100, Set.of(), PerfEventDriver::new);
    }
}
