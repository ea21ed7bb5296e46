package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.MachineConfig;

/** Binds one machine's options: the builder's settings and its checked {@link MachineConfig}. */
final class MachineOptionsModule implements Module {
    private final MachineBuilder builder;
    private final MachineConfig config;

    MachineOptionsModule(MachineBuilder builder, MachineConfig config) {
        this.builder = requireNonNull(builder, "builder is null");
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public void configure(Binder binder) {
        // Provider methods rather than instance bindings, which would have Guice scan each class for members to inject on every machine.
    }

    @Provides
    MachineBuilder builder() {
        return builder;
    }

    @Provides
    MachineConfig config() {
        return config;
    }

    @Provides
    KernelCommandLine commandLine() {
        return config.commandLine();
    }
}
