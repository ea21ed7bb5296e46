package org.hotplugemu.drivers.arm64;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link FpsimdDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class FpsimdDriverProvider extends StockDriverProvider {
    public FpsimdDriverProvider() {
        super("arm64_fpsimd", 360, Set.of("arm64"), FpsimdDriver::new);
    }
}
