package org.hotplugemu.core.driver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.engine.PluginLoaderScope;

/**
 * Chooses and creates the drivers of one machine: each {@link HotplugDriverProvider} that applies
 * to the architecture creates a new driver for it, and driver objects handed over directly (test
 * fixtures) join them; all in registration order (ascending order, then name), the provider's
 * order and architectures deciding for the drivers it creates.
 */
public final class MachineDrivers {
    private MachineDrivers() {
    }

    /** Returns the driver providers on the class path of {@code loader}, in registration order. */
    public static List<HotplugDriverProvider> installed(ClassLoader loader) {
        List<HotplugDriverProvider> providers = new ArrayList<>();
        ServiceLoader.load(HotplugDriverProvider.class, loader).forEach(providers::add);
        providers.sort(HotplugDriverProvider.REGISTRATION_ORDER);
        return List.copyOf(providers);
    }

    /** Returns the driver providers on the class path that loaded hotplug-core, in registration order. */
    public static List<HotplugDriverProvider> installed() {
        return installed(MachineDrivers.class.getClassLoader());
    }

    /**
     * Creates the drivers of one machine on {@code architecture}, in registration order.
     *
     * @throws HotplugException EINVAL when a provider's driver has another name, EIO when {@code create()} throws
     */
    public static List<HotplugDriver> create(List<? extends HotplugDriverProvider> providers, List<? extends HotplugDriver> drivers,
            String architecture) {
        record Planned(int order, String name, HotplugDriver driver) {
        }
        List<Planned> planned = new ArrayList<>();
        for (HotplugDriver driver : drivers) {
            if (driver.appliesTo(architecture)) {
                planned.add(new Planned(driver.order(), String.valueOf(driver.name()), driver));
            }
        }
        for (HotplugDriverProvider provider : providers) {
            if (provider.appliesTo(architecture)) {
                planned.add(new Planned(provider.order(), String.valueOf(provider.name()), create(provider)));
            }
        }
        planned.sort(Comparator.comparingInt(Planned::order).thenComparing(Planned::name));
        return planned.stream().map(Planned::driver).toList();
    }

    /**
     * Creates a new driver from each provider that applies to {@code architecture}, in registration
     * order, for tools that hand each machine its drivers as objects (to wrap or replace some): a
     * driver whose own {@code order()} or {@code architectures()} disagree with its provider's is
     * wrapped to report the provider's, so that {@link org.hotplugemu.core.machine.MachineBuilder#drivers}
     * registers it where {@link org.hotplugemu.core.machine.MachineBuilder#driverProviders} would.
     */
    public static List<HotplugDriver> createEach(List<? extends HotplugDriverProvider> providers, String architecture) {
        return create(providers, List.of(), architecture).stream().map(driver -> {
            HotplugDriverProvider provider = providers.stream().filter(p -> p.name().equals(driver.name())).findFirst().orElseThrow();
            return driver.order() == provider.order() && driver.architectures().equals(provider.architectures())
                    ? driver : new ProvidedDriver(driver, provider.order(), provider.architectures());
        }).toList();
    }

    /** A provider's driver, with the provider's order and architectures. */
    private record ProvidedDriver(HotplugDriver driver, int order, java.util.Set<String> architectures) implements HotplugDriver {
        @Override
        public String name() {
            return driver.name();
        }

        @Override
        public void register(org.hotplugemu.api.driver.DriverContext context) {
            driver.register(context);
        }

        @Override
        public void unregister(org.hotplugemu.api.driver.DriverContext context) {
            driver.unregister(context);
        }
    }

    private static HotplugDriver create(HotplugDriverProvider provider) {
        try (PluginLoaderScope plugin = PluginLoaderScope.of(provider)) {
            return createChecked(provider);
        }
    }

    private static HotplugDriver createChecked(HotplugDriverProvider provider) {
        String name = provider.name();
        HotplugDriver driver;
        try {
            driver = provider.create();
        } catch (HotplugException e) {
            throw new HotplugException(e.errno(), "driver provider " + name + " failed to create its driver: " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw new HotplugException(Errno.EIO, "driver provider " + name + " (" + provider.getClass().getName()
                    + ") failed to create its driver: create() threw " + e, e);
        }
        if (driver == null) {
            throw new HotplugException(Errno.EINVAL, "driver provider " + name + " (" + provider.getClass().getName() + ") created no driver (null)");
        }
        if (!String.valueOf(name).equals(driver.name())) {
            throw new HotplugException(Errno.EINVAL, "driver provider " + name + " (" + provider.getClass().getName()
                    + ") created a driver named '" + driver.name() + "': a provider's driver must have the provider's name");
        }
        return driver;
    }
}
