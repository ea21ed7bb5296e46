package org.hotplugemu.drivers.arm64;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link ArchTimerDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class ArchTimerDriverProvider extends StockDriverProvider {
    public ArchTimerDriverProvider() {
        super("arm_arch_timer", 410, Set.of("arm64"), ArchTimerDriver::new);
    }
}
