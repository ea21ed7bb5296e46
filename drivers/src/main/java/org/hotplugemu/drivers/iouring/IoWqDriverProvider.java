package org.hotplugemu.drivers.iouring;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link IoWqDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class IoWqDriverProvider extends StockDriverProvider {
    public IoWqDriverProvider() {
        super("io_wq", 540, Set.of(), IoWqDriver::new);
    }
}
