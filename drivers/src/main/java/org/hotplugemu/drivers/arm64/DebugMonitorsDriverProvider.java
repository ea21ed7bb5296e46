package org.hotplugemu.drivers.arm64;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link DebugMonitorsDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class DebugMonitorsDriverProvider extends StockDriverProvider {
    public DebugMonitorsDriverProvider() {
        super("arm64_debug_monitors", 380, Set.of("arm64"), DebugMonitorsDriver::new);
    }
}
