package org.hotplugemu.drivers.smp;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link SmpCallFunctionDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class SmpCallFunctionDriverProvider extends StockDriverProvider {
    public SmpCallFunctionDriverProvider() {
        super("smpcfd", 160, Set.of(), SmpCallFunctionDriver::new);
    }
}
