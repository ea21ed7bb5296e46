package ${package};

import com.google.auto.service.AutoService;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;

/**
 * The plugin's entry point, found by the emulator through {@code ServiceLoader} (the
 * {@code @AutoService} processor writes {@code META-INF/services}): a new {@link BufferDriver} for
 * each machine, so two machines in one JVM never share its buffers.
 */
@AutoService(HotplugDriverProvider.class)
public final class BufferDriverProvider implements HotplugDriverProvider {
    @Override
    public String name() {
        return BufferDriver.NAME;
    }

    @Override
    public HotplugDriver create() {
        return new BufferDriver();
    }
}
