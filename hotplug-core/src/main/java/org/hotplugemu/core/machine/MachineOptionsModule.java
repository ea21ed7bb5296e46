package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.MachineConfig;

/** Binds one machine's options: the builder's settings and its checked {@link MachineConfig}. */
final class MachineOptionsModule extends AbstractModule {
    private final MachineBuilder builder;
    private final MachineConfig config;

    MachineOptionsModule(MachineBuilder builder, MachineConfig config) {
        this.builder = requireNonNull(builder, "builder is null");
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        bind(MachineBuilder.class).toInstance(builder);
        bind(MachineConfig.class).toInstance(config);
        bind(KernelCommandLine.class).toInstance(config.commandLine());
    }
}
