package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.trace.Tracer;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.arch.spi.CpuMasks;
import org.hotplugemu.arch.spi.MachineConfig;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.sysfs.Owner;
import org.hotplugemu.core.sysfs.VirtualFs;
import org.hotplugemu.tracing.Tracing;

/** The architecture backend its provider creates for this machine, with its topology checked. */
final class ArchitectureModule implements Module {
    private final ArchitectureProvider provider;

    ArchitectureModule(ArchitectureProvider provider) {
        this.provider = requireNonNull(provider, "provider is null");
    }

    @Override
    public void configure(Binder binder) {
        // the provider methods are the bindings
    }

    @Provides
    ArchitectureProvider provider() {
        return provider;
    }

    /** Needs the tracer (the backend's tracepoints), the files and the masks the hotplug core binds later ({@link CoreModule}). */
    @Provides
    @Singleton
    Architecture architecture(MachineConfig config, Engine engine, KernelLogBuffer log, Tracing tracing, VirtualFs fs, ArchMasks masks) {
        // The backend's files are its own: no driver may remove or replace them.
        VirtualFiles files = fs.ownedBy(Owner.backend(provider.name()));
        Architecture arch = provider.create(new Context(config, engine, log, tracing.tracer(), files, masks));
        TopologyCheck.check(arch.name(), config.cpus(), arch.topology());
        return arch;
    }

    private record Context(MachineConfig config, Scheduler scheduler, KernelLog log, Tracer tracer, VirtualFiles files, CpuMasks masks)
            implements ArchContext {
    }
}
