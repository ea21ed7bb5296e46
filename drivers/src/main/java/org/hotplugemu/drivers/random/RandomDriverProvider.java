package org.hotplugemu.drivers.random;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link RandomDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class RandomDriverProvider extends StockDriverProvider {
    public RandomDriverProvider() {
        super("random", 150, Set.of(), RandomDriver::new);
    }
}
