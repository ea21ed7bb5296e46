package org.hotplugemu.drivers.mm;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link CompactionDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class CompactionDriverProvider extends StockDriverProvider {
    public CompactionDriverProvider() {
        super("compaction", 530, Set.of(), CompactionDriver::new);
    }
}
