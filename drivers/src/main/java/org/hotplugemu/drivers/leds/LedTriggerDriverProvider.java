package org.hotplugemu.drivers.leds;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link LedTriggerDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class LedTriggerDriverProvider extends StockDriverProvider {
    public LedTriggerDriverProvider() {
        super("ledtrig_cpu", 580, Set.of(), LedTriggerDriver::new);
    }
}
