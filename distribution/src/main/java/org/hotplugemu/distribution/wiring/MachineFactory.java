package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.IntConsumer;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;

/** Builds the machine the checked options describe; each machine's own object graph is wired by its builder. */
public final class MachineFactory {
    private final MachineSettings settings;
    private final ArchitectureProvider architecture;
    private final List<HotplugDriverProvider> drivers;
    private final ProfileChoice profile;
    private final EngineChoice engine;

    public MachineFactory(MachineSettings settings, ArchitectureProvider architecture, List<HotplugDriverProvider> drivers,
            ProfileChoice profile, EngineChoice engine) {
        this.settings = requireNonNull(settings, "settings is null");
        this.architecture = requireNonNull(architecture, "architecture is null");
        this.drivers = drivers.stream().sorted(HotplugDriverProvider.REGISTRATION_ORDER).toList();
        this.profile = requireNonNull(profile, "profile is null");
        this.engine = requireNonNull(engine, "engine is null");
    }

    /** Returns the builder for the machine, with {@code bootProgress} receiving the CPUs online so far. */
    public MachineBuilder builder(IntConsumer bootProgress) {
        return builderWithoutDrivers().driverProviders(drivers).bootProgress(bootProgress);
    }

    /** Returns the driver providers, in registration order, for tools that create and wrap each machine's drivers themselves. */
    public List<HotplugDriverProvider> driverProviders() {
        return drivers;
    }

    /** Returns the builder for the machine with no drivers yet, for tools that give each machine new driver instances. */
    public MachineBuilder builderWithoutDrivers() {
        MachineBuilder builder = new MachineBuilder()
                .architecture(architecture)
                .cpus(settings.cpus())
                .threadsPerCore(settings.threadsPerCore())
                .engine(engine.name())
                .seed(engine.seed())
                .commandLine(settings.effectiveCommandLine());
        profile.profile().ifPresent(builder::profile);
        return builder;
    }

    /** Builds the machine, not yet booted. */
    public Machine create(IntConsumer bootProgress) {
        return builder(bootProgress).build();
    }
}
