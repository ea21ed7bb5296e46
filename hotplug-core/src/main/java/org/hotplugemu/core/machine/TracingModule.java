package org.hotplugemu.core.machine;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hotplugemu.api.driver.CpuMask;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.MachineConfig;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.state.Cpuhp;
import org.hotplugemu.core.trace.CpuhpTraceRules;
import org.hotplugemu.core.trace.CpuhpTracepoints;
import org.hotplugemu.tracing.Tracing;

/** The machine's tracing: buffers per CPU, then the cpuhp tracepoints once profile and architecture fix ids and clocks. */
final class TracingModule implements Module {
    @Override
    public void configure(Binder binder) {
        // the provider methods are the bindings
    }

    /** The task context whose locks lockdep must see: it depends on {@link CoreModule.LockdepChoice}. */
    @Provides
    @Singleton
    BootTaskContext taskContext(Engine engine, CoreModule.LockdepChoice lockdep) {
        return new BootTaskContext(engine);
    }

    @Provides
    @Singleton
    Tracing tracing(BootTaskContext taskContext, MachineConfig config) {
        return new Tracing(taskContext, config.cpus());
    }

    /** The tracepoints, after the profile's event ids and the architecture's clocks are set. */
    @Provides
    @Singleton
    CpuhpTracepoints tracepoints(Tracing tracing, Profile profile, Architecture arch, KernelCommandLine commandLine, Engine engine,
            Provider<Cpuhp> cpuhp) {
        tracing.fixEventIds(profile.eventIds());
        tracing.setTraceClocks(arch.name().equals("x86")
                ? List.of("local", "global", "counter", "uptime", "perf", "mono", "mono_raw", "boot", "tai", "x86-tsc")
                : List.of("local", "global", "counter", "uptime", "perf", "mono", "mono_raw", "boot", "tai"));
        commandLine.get("trace_clock").ifPresent(tracing::setTraceClock);
        CpuhpTracepoints trace = commandLine.getBoolean("emu.trace_offline_cpus", false)
                ? new CpuhpTracepoints(tracing.tracer())
                // The tracepoint condition cpu_online(raw_smp_processor_id()).
                : new CpuhpTracepoints(tracing.tracer(), new CurrentCpuOnline(cpuhp, engine));
        tracing.addRules(new CpuhpTraceRules());
        return trace;
    }

    /**
     * The tracepoint condition {@code cpu_online(raw_smp_processor_id())}. The online mask is looked
     * up once, on the first event, since the state machine is built after its tracepoints: asking
     * Guice's provider at every event cost more than the rest of tracing.
     */
    private static final class CurrentCpuOnline implements BooleanSupplier {
        private final Provider<Cpuhp> cpuhp;
        private final Engine engine;
        private volatile CpuMask online;

        CurrentCpuOnline(Provider<Cpuhp> cpuhp, Engine engine) {
            this.cpuhp = cpuhp;
            this.engine = engine;
        }

        @Override
        public boolean getAsBoolean() {
            CpuMask mask = online;
            if (mask == null) {
                mask = cpuhp.get().hotplug().masks().online();
                online = mask;
            }
            return mask.test(engine.currentCpu());
        }
    }
}
