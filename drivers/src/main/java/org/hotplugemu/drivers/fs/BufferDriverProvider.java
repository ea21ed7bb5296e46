package org.hotplugemu.drivers.fs;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link BufferDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class BufferDriverProvider extends StockDriverProvider {
    public BufferDriverProvider() {
        super("fs_buffer", 260, Set.of(), BufferDriver::new);
    }
}
