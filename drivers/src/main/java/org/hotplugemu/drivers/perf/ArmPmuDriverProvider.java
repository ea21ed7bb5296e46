package org.hotplugemu.drivers.perf;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link ArmPmuDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class ArmPmuDriverProvider extends StockDriverProvider {
    public ArmPmuDriverProvider() {
        super("arm_pmu", 450, Set.of("arm64"), ArmPmuDriver::new);
    }
}
