package org.hotplugemu.drivers.trace;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link RingBufferDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class RingBufferDriverProvider extends StockDriverProvider {
    public RingBufferDriverProvider() {
        super("trace_rb", 330, Set.of(), RingBufferDriver::new);
    }
}
