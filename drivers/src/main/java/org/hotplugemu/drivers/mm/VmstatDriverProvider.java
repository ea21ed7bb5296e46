package org.hotplugemu.drivers.mm;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link VmstatDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class VmstatDriverProvider extends StockDriverProvider {
    public VmstatDriverProvider() {
        super("vmstat", 510, Set.of(), VmstatDriver::new);
    }
}
