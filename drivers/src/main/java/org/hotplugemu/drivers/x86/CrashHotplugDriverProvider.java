package org.hotplugemu.drivers.x86;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link CrashHotplugDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class CrashHotplugDriverProvider extends StockDriverProvider {
    public CrashHotplugDriverProvider() {
        super("crash_hotplug", 355, Set.of("x86"), CrashHotplugDriver::new);
    }
}
