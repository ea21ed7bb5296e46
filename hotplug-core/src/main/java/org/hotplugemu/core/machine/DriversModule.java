package org.hotplugemu.core.machine;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.List;
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
 * objects; the {@link DriverHost} orders them for registration. They are not bound one by one: Guice
 * would scan every driver's class for members to inject, on every machine, for nothing.
 */
final class DriversModule implements Module {
    private final List<HotplugDriverProvider> providers;
    private final List<HotplugDriver> drivers;

    DriversModule(List<? extends HotplugDriverProvider> providers, List<? extends HotplugDriver> drivers) {
        this.providers = List.copyOf(providers);
        this.drivers = List.copyOf(drivers);
    }

    @Override
    public void configure(Binder binder) {
        // the provider methods are the bindings
    }

    /** Providers create the drivers and the host asks each its name() here, outside any emulated thread: bounded as well. */
    @Provides
    @Singleton
    DriverHost driverHost(Architecture arch, Engine engine, KernelCommandLine commandLine) {
        return PluginCall.bounded("modprobe", EngineModule.softLockupThreshold(commandLine),
                () -> new DriverHost(MachineDrivers.create(providers, drivers, arch.name()), arch.name(), engine));
    }
}
