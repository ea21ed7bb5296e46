package org.hotplugemu.drivers.timers;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link TimersDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class TimersDriverProvider extends StockDriverProvider {
    public TimersDriverProvider() {
        super("timers", 130, Set.of(), TimersDriver::new);
    }
}
