package org.hotplugemu.drivers.watchdog;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link LockupDetectorDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class LockupDetectorDriverProvider extends StockDriverProvider {
    public LockupDetectorDriverProvider() {
        super("lockup_detector", 200, Set.of(), LockupDetectorDriver::new);
    }
}
