package org.hotplugemu.core.machine;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.List;
import java.util.Set;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.core.driver.DriverHost;
import org.hotplugemu.core.driver.MachineDrivers;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.PluginCall;

/**
 * The machine's drivers: providers (each creates a new driver for this machine) and a test's driver
 * objects, contributed to sets; the {@link DriverHost} orders them for registration.
 */
final class DriversModule extends AbstractModule {
    private final List<HotplugDriverProvider> providers;
    private final List<HotplugDriver> drivers;

    DriversModule(List<? extends HotplugDriverProvider> providers, List<? extends HotplugDriver> drivers) {
        this.providers = List.copyOf(providers);
        this.drivers = List.copyOf(drivers);
    }

    @Override
    protected void configure() {
        Multibinder<HotplugDriverProvider> providerSet = Multibinder.newSetBinder(binder(), HotplugDriverProvider.class);
        providers.forEach(provider -> providerSet.addBinding().toInstance(provider));
        Multibinder<HotplugDriver> driverSet = Multibinder.newSetBinder(binder(), HotplugDriver.class);
        drivers.forEach(driver -> driverSet.addBinding().toInstance(driver));
    }

    /** Providers create the drivers and the host asks each its name() here, outside any emulated thread: bounded as well. */
    @Provides
    @Singleton
    DriverHost driverHost(Set<HotplugDriverProvider> providers, Set<HotplugDriver> drivers, Architecture arch, Engine engine,
            KernelCommandLine commandLine) {
        return PluginCall.bounded("modprobe", EngineModule.softLockupThreshold(commandLine),
                () -> new DriverHost(MachineDrivers.create(List.copyOf(providers), List.copyOf(drivers), arch.name()), arch.name(), engine));
    }
}
