package org.hotplugemu.drivers.printk;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link PrintkDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class PrintkDriverProvider extends StockDriverProvider {
    public PrintkDriverProvider() {
        super("printk", 600, Set.of(), PrintkDriver::new);
    }
}
