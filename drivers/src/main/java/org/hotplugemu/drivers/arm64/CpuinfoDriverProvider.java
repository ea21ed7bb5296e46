package org.hotplugemu.drivers.arm64;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link CpuinfoDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class CpuinfoDriverProvider extends StockDriverProvider {
    public CpuinfoDriverProvider() {
        super("arm64_cpuinfo", 550, Set.of("arm64"), CpuinfoDriver::new);
    }
}
