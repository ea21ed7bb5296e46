package org.hotplugemu.drivers.perf;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link UncorePmuDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class UncorePmuDriverProvider extends StockDriverProvider {
    public UncorePmuDriverProvider() {
        super("arm_uncore_pmu", 440, Set.of("arm64"), UncorePmuDriver::new);
    }
}
