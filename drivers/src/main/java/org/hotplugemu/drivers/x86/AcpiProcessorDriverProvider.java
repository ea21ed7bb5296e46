package org.hotplugemu.drivers.x86;

import com.google.auto.service.AutoService;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.drivers.support.StockDriverProvider;

/** Creates a {@link AcpiProcessorDriver} for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class AcpiProcessorDriverProvider extends StockDriverProvider {
    public AcpiProcessorDriverProvider() {
        super("acpi_processor", 570, Set.of("x86"), AcpiProcessorDriver::new);
    }
}
