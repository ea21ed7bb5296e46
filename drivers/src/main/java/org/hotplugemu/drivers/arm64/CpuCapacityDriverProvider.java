package org.hotplugemu.drivers.arm64;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link CpuCapacityDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class CpuCapacityDriverProvider extends StockDriverProvider {
    public CpuCapacityDriverProvider() {
        super("cpu_capacity", 545, Set.of("arm64"), CpuCapacityDriver::new);
    }
}
