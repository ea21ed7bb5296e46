package org.hotplugemu.distribution.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.util.List;
import org.hotplugemu.api.driver.HotplugDriverProvider;

/**
 * Contributes the driver providers found by the plugin loader (built-in and plugin jars) to a
 * {@code Set<HotplugDriverProvider>}; each machine creates its own drivers from them.
 */
public final class DriversModule extends AbstractModule {
    private final List<HotplugDriverProvider> providers;

    public DriversModule(List<HotplugDriverProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    @Override
    protected void configure() {
        Multibinder<HotplugDriverProvider> binder = Multibinder.newSetBinder(binder(), HotplugDriverProvider.class);
        providers.forEach(provider -> binder.addBinding().toInstance(provider));
    }
}
