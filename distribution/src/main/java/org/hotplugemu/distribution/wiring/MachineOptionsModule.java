package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/** Binds the machine options the user gave. */
public final class MachineOptionsModule extends AbstractModule {
    private final MachineSettings settings;

    public MachineOptionsModule(MachineSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    protected void configure() {
        bind(MachineSettings.class).toInstance(settings);
    }
}
