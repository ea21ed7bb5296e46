package org.hotplugemu.drivers.arm64;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link DummyTimerDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class DummyTimerDriverProvider extends StockDriverProvider {
    public DummyTimerDriverProvider() {
        super("dummy_timer", 420, Set.of("arm64"), DummyTimerDriver::new);
    }
}
