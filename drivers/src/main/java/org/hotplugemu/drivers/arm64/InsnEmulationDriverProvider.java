package org.hotplugemu.drivers.arm64;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link InsnEmulationDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class InsnEmulationDriverProvider extends StockDriverProvider {
    public InsnEmulationDriverProvider() {
        super("arm64_isndep", 430, Set.of("arm64"), InsnEmulationDriver::new);
    }
}
