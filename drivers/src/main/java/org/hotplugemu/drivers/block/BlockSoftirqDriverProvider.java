package org.hotplugemu.drivers.block;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link BlockSoftirqDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class BlockSoftirqDriverProvider extends StockDriverProvider {
    public BlockSoftirqDriverProvider() {
        super("block_softirq", 280, Set.of(), BlockSoftirqDriver::new);
    }
}
