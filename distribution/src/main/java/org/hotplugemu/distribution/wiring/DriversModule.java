package org.hotplugemu.distribution.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.util.List;
import org.hotplugemu.api.driver.HotplugDriver;

/** Contributes the drivers found by the plugin loader (built-in and plugin jars) to a {@code Set<HotplugDriver>}. */
public final class DriversModule extends AbstractModule {
    private final List<HotplugDriver> drivers;

    public DriversModule(List<HotplugDriver> drivers) {
        this.drivers = List.copyOf(drivers);
    }

    @Override
    protected void configure() {
        Multibinder<HotplugDriver> binder = Multibinder.newSetBinder(binder(), HotplugDriver.class);
        drivers.forEach(driver -> binder.addBinding().toInstance(driver));
    }
}
