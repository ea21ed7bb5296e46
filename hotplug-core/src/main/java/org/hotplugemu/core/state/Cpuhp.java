package org.hotplugemu.core.state;

import static java.util.Objects.requireNonNull;

import java.util.function.ToLongFunction;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.trace.CpuhpTracepoints;

/**
 * The CPU hotplug core of one machine, assembled: the state machine ({@link #hotplug()}), the
 * driver API ({@link #api()}) and suspend's freeze and thaw ({@link #suspend()}), all over one
 * {@link CpuhpState}. Each collaborator gets only what it uses, and the core's own steps are
 * installed once everything exists, so no object is seen half-built.
 */
public record Cpuhp(Hotplug hotplug, CpuHotplugApi api, Suspend suspend) {
    public Cpuhp {
        requireNonNull(hotplug, "hotplug is null");
        requireNonNull(api, "api is null");
        requireNonNull(suspend, "suspend is null");
    }

    /**
     * Builds the hotplug core for {@code arch}'s CPUs with {@code profile}'s state table; a call of a
     * callback symbol costs {@code callbackCost} virtual nanoseconds.
     */
    public static Cpuhp create(Scheduler scheduler, Architecture arch, Profile profile, KernelLog log, CpuhpTracepoints trace,
            ToLongFunction<String> callbackCost) {
        requireNonNull(arch, "arch is null");
        CpuhpState state = new CpuhpState(scheduler, log, profile, arch.topology().size(), initialSmtControl(arch));
        boolean splitStartup = profile.bpKickAp().isPresent() && arch.supportsParallelBringup();
        Invoker invoker = new Invoker(state, requireNonNull(trace, "trace is null"), requireNonNull(callbackCost, "callbackCost is null"));
        HotplugThreads threads = new HotplugThreads(state, invoker);
        SmpbootRegistry smpboot = new SmpbootRegistry(state, threads);
        ApStartup ap = new ApStartup(state, invoker, arch, splitStartup);
        CpuBringup bringup = new CpuBringup(state, threads, ap, arch, splitStartup);
        Hotplug hotplug = new Hotplug(state, invoker, threads, bringup, new WorkOnCpu(scheduler, state.nrCpus()));
        CoreSteps.install(state, bringup, smpboot, splitStartup);
        return new Cpuhp(hotplug, new CpuHotplugApi(state, invoker, threads, smpboot), new Suspend(state, hotplug));
    }

    private static SmtControl initialSmtControl(Architecture arch) {
        if (!arch.smtControlImplemented()) {
            return SmtControl.NOT_IMPLEMENTED;
        }
        boolean smt = arch.topology().stream().anyMatch(cpu -> !cpu.primaryThread());
        return smt ? SmtControl.ON : SmtControl.NOT_SUPPORTED;
    }
}
