package org.hotplugemu.core.machine;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Random;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.MachineConfig;
import org.hotplugemu.core.driver.DriverHost;
import org.hotplugemu.core.driver.ResourceLedger;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.Lockdep;
import org.hotplugemu.core.profile.CostModel;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.state.Cpuhp;
import org.hotplugemu.core.sysdev.SystemDevices;
import org.hotplugemu.core.sysfs.VirtualFs;
import org.hotplugemu.core.trace.CpuhpTracepoints;
import org.hotplugemu.tracing.Tracing;

/**
 * The hotplug core of one machine: kernel log, lockdep, files, the cpuhp state machine, system
 * devices. Ordering the kernel needs is expressed as dependencies: lockdep exists before anything
 * that creates a lock, the architecture's masks are bound once the state machine exists.
 */
final class CoreModule implements Module {
    /** Lockdep when {@code emu.lockdep} is on, else null; provisioned before anything creates a lock. */
    record LockdepChoice(Lockdep lockdep) {
    }

    @Override
    public void configure(Binder binder) {
        // Everything is made by the provider methods below: a constructor binding would have Guice scan the class for members to inject on every machine.
    }

    @Provides
    @Singleton
    BootWindow bootWindow() {
        return new BootWindow();
    }

    @Provides
    @Singleton
    ArchMasks archMasks() {
        return new ArchMasks();
    }

    @Provides
    @Singleton
    EmulatedMachine machine(MachineBuilder builder, KernelCommandLine commandLine, Engine engine, KernelLogBuffer log, Tracing tracing,
            BootTaskContext taskContext, VirtualFs fs, Architecture arch, Profile profile, Cpuhp cpuhp, ResourceLedger ledger,
            DriverHost drivers, SystemDevices systemDevices, BootWindow bootWindow) {
        return new EmulatedMachine(builder, commandLine, engine, log, tracing, taskContext, fs, arch, profile, cpuhp, ledger, drivers,
                systemDevices, bootWindow);
    }

    @Provides
    @Singleton
    KernelLogBuffer log(Engine engine) {
        return new KernelLogBuffer(engine::nanoTime);
    }

    @Provides
    @Singleton
    LockdepChoice lockdep(Engine engine, KernelCommandLine commandLine) {
        return new LockdepChoice(commandLine.getBoolean("emu.lockdep", false) ? Lockdep.enable(engine) : null);
    }

    @Provides
    @Singleton
    VirtualFs files(LockdepChoice lockdep) {
        return new VirtualFs();
    }

    @Provides
    @Singleton
    CostModel costs(KernelCommandLine commandLine, Profile profile) {
        return commandLine.has("emu.callback_cost_ns") ? CostModel.flat(commandLine.getLong("emu.callback_cost_ns", 0)) : profile.costs();
    }

    @Provides
    @Singleton
    Cpuhp cpuhp(Engine engine, Architecture arch, Profile profile, KernelLogBuffer log, CpuhpTracepoints trace, CostModel costs,
            BootWindow window, MachineBuilder builder, LockdepChoice lockdep, ArchMasks archMasks) {
        if (lockdep.lockdep() != null) {
            lockdep.lockdep().attach(log::warn, profile.kernel() + " #1 Not tainted", !arch.name().equals("arm64"));
        }
        Random costRandom = new Random(builder.seed ^ 0x636f7374L);
        MightSleepReport mightSleep = new MightSleepReport(engine, log, arch, profile);
        engine.onSleepInAtomic(mightSleep::report);
        Cpuhp cpuhp = Cpuhp.create(engine, arch, profile, log, trace, symbol -> costs.nanos(symbol, window.booting(), costRandom::nextDouble));
        archMasks.bind(cpuhp.hotplug().masks());
        return cpuhp;
    }

    @Provides
    @Singleton
    ResourceLedger ledger(MachineConfig config) {
        return new ResourceLedger(config.cpus());
    }

    @Provides
    @Singleton
    SystemDevices systemDevices(Engine engine, Cpuhp cpuhp, Architecture arch, KernelLogBuffer log, Tracing tracing) {
        return new SystemDevices(engine, cpuhp.hotplug(), arch, log, tracing.tracer());
    }
}
