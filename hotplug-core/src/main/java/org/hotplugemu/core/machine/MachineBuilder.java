package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.core.profile.Profile;

/**
 * Assembles a {@link Machine}. Defaults: 4 CPUs, 1 thread per core, the {@code sim} engine, seed 0,
 * an empty command line, the architecture's default profile, no drivers (add them with
 * {@link #driverProviders}).
 *
 * <p>Experimental.
 */
public final class MachineBuilder {
    ArchitectureProvider architecture;
    Profile profile;
    int cpus = 4;
    int threadsPerCore = 1;
    int presentCpus;
    String engine = "sim";
    long seed;
    String commandLine = "";
    final List<HotplugDriver> drivers = new ArrayList<>();
    final List<HotplugDriverProvider> driverProviders = new ArrayList<>();
    IntConsumer bootProgress = cpusUp -> {};

    public MachineBuilder architecture(ArchitectureProvider architecture) {
        this.architecture = requireNonNull(architecture, "architecture is null");
        return this;
    }

    public MachineBuilder profile(Profile profile) {
        this.profile = requireNonNull(profile, "profile is null");
        return this;
    }

    public MachineBuilder cpus(int cpus) {
        this.cpus = cpus;
        return this;
    }

    /**
     * CPUs present at boot (QEMU's {@code -smp N}); the remaining possible CPUs are empty slots a
     * hot-add can fill. Default: all of them.
     */
    public MachineBuilder presentCpus(int presentCpus) {
        this.presentCpus = presentCpus;
        return this;
    }

    public MachineBuilder threadsPerCore(int threadsPerCore) {
        this.threadsPerCore = threadsPerCore;
        return this;
    }

    /** {@code sim} (deterministic, virtual time) or {@code threads} (parallel, real time). */
    public MachineBuilder engine(String engine) {
        this.engine = requireNonNull(engine, "engine is null");
        return this;
    }

    public MachineBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The kernel command line, e.g. {@code "cpuhp.parallel=0 nosmt trace_event=cpuhp:*"}. */
    public MachineBuilder commandLine(String commandLine) {
        this.commandLine = requireNonNull(commandLine, "commandLine is null");
        return this;
    }

    /**
     * Adds driver providers: each that applies to the architecture creates a new driver for every
     * machine this builder builds, registered at boot in the provider's order, then name. The
     * stock ones and any on the class path: {@link org.hotplugemu.core.driver.MachineDrivers#installed()}.
     */
    public MachineBuilder driverProviders(List<? extends HotplugDriverProvider> providers) {
        this.driverProviders.addAll(providers);
        return this;
    }

    /**
     * Adds driver objects (a test's fixtures) registered at boot in their own order, then name,
     * beside those of {@link #driverProviders}. A driver object belongs to one machine: give each
     * machine new ones, or use a provider.
     */
    public MachineBuilder drivers(List<? extends HotplugDriver> drivers) {
        this.drivers.addAll(drivers);
        return this;
    }

    /** Called during boot with the number of CPUs online so far (for a progress bar). */
    public MachineBuilder bootProgress(IntConsumer bootProgress) {
        this.bootProgress = requireNonNull(bootProgress, "bootProgress is null");
        return this;
    }

    /**
     * Creates the machine, not yet booted.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EINVAL for bad options (no architecture,
     *         CPU count out of range, unknown engine, duplicate driver names)
     */
    public Machine build() {
        return EmulatedMachine.create(this);
    }
}
