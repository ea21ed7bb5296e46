package org.hotplugemu.drivers.block;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link BlockMqDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class BlockMqDriverProvider extends StockDriverProvider {
    public BlockMqDriverProvider() {
        super("blk_mq", 300, Set.of(), BlockMqDriver::new);
    }
}
