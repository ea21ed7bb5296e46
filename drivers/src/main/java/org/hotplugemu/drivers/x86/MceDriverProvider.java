package org.hotplugemu.drivers.x86;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link MceDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class MceDriverProvider extends StockDriverProvider {
    public MceDriverProvider() {
        super("mce", 590, Set.of("x86"), MceDriver::new);
    }
}
