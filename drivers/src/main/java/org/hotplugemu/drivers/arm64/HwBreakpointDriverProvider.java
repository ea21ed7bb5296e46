package org.hotplugemu.drivers.arm64;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link HwBreakpointDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class HwBreakpointDriverProvider extends StockDriverProvider {
    public HwBreakpointDriverProvider() {
        super("arm64_hw_breakpoint", 390, Set.of("arm64"), HwBreakpointDriver::new);
    }
}
