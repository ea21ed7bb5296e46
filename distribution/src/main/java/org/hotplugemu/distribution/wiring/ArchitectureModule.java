package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import org.hotplugemu.arch.spi.ArchitectureProvider;

/** Binds the architecture backend chosen by name among those the plugin loader found. */
public final class ArchitectureModule extends AbstractModule {
    private final ArchitectureProvider provider;

    public ArchitectureModule(ArchitectureProvider provider) {
        this.provider = requireNonNull(provider, "provider is null");
    }

    @Override
    protected void configure() {
        bind(ArchitectureProvider.class).toInstance(provider);
    }
}
