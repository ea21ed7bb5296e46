package org.hotplugemu.arch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.kernel.VirtualFiles;

import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.trace.Tracer;

/**
 * What the emulated machine hands an architecture backend when it creates it.
 */
@API(status = STABLE, since = "0.1")
public interface ArchContext {
    /** The machine the user asked for: CPU count, SMT threads per core, kernel command line. */
    MachineConfig config();

    /** The engine: emulated threads, blocking primitives, the clock. */
    Scheduler scheduler();

    /** The kernel log that {@code dmesg} prints. */
    KernelLog log();

    /** Where the backend declares its own trace events (e.g. {@code ipi}, {@code psci}). */
    Tracer tracer();

    /**
     * Where the backend adds files, e.g. fault switches under {@code /sys/kernel/debug/<arch>/}. They
     * are the backend's: a driver that removes or replaces one gets EPERM.
     */
    VirtualFiles files();

    /**
     * The kernel's CPU masks, read-only (snapshots). Usable once the machine is built, not from
     * {@code ArchitectureProvider.create}.
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    CpuMasks masks();
}
