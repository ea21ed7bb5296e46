package org.hotplugemu.arch.arm64.smp;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.hotplugemu.arch.arm64.topology.Mpidr;
import org.hotplugemu.arch.arm64.topology.MpidrTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.arch.spi.KernelVersion;
import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.Scheduler;

/**
 * The arm64 SMP code of {@code arch/arm64/kernel/smp.c} (6.1): {@code __cpu_up} with its 5 s wait
 * for {@code cpu_running}, {@code secondary_start_kernel} and {@code cpu_die} on the CPU's own
 * hardware thread, {@code __cpu_disable} and {@code __cpu_die}. Messages are the kernel's, of
 * the version the machine emulates: from 6.5 the core's dead synchronisation reports a CPU that
 * did not die, from 6.11 a CPU firmware denies (EPERM) fails to boot silently. Experimental.
 */
public final class Arm64Smp {
    static final Duration CPU_RUNNING_TIMEOUT = Duration.ofSeconds(5);

    private final Scheduler scheduler;
    private final KernelLog log;
    private final MpidrTopology topology;
    private final BootCosts costs;
    private final List<CpuOperations> ops;
    private final Supplier<KernelVersion> kernel;
    private final AtomicReferenceArray<SecondaryStart> secondaryData;
    private final AtomicIntegerArray online;
    private Completion cpuRunning;

    /** @param ops the enable method of each CPU, indexed by logical CPU */
    public Arm64Smp(Scheduler scheduler, KernelLog log, MpidrTopology topology, BootCosts costs, List<CpuOperations> ops,
            Supplier<KernelVersion> kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.log = requireNonNull(log, "log is null");
        this.topology = requireNonNull(topology, "topology is null");
        this.costs = requireNonNull(costs, "costs is null");
        this.ops = List.copyOf(requireNonNull(ops, "ops is null"));
        this.secondaryData = new AtomicReferenceArray<>(ops.size());
        this.online = new AtomicIntegerArray(ops.size());
        online.set(0, 1);
    }

    public CpuOperations ops(int cpu) {
        return ops.get(cpu);
    }

    public BootCosts costs() {
        return costs;
    }

    /** {@code __cpu_up} (control thread): boot the CPU, wait up to 5 s for it to run. */
    public void cpuUp(int cpu, SecondaryStart start) {
        Completion running = cpuRunning();
        secondaryData.set(cpu, requireNonNull(start, "start is null"));
        online.set(cpu, 0);
        int ret = ops.get(cpu).boot(cpu);
        if (ret != 0) {
            // "arm64: psci: Ignore DENIED CPUs" (6.11): a CPU firmware keeps disabled is not an error.
            if (ret != -Errno.EPERM.number() || !kernel.get().atLeast(6, 11)) {
                log.error("CPU" + cpu + ": failed to boot: " + ret);
            }
            secondaryData.set(cpu, null);
            Errno errno = Errno.ofNumber(ret);
            throw new HotplugException(errno, "CPU" + cpu + " was not started: the " + ops.get(cpu).name()
                    + " firmware refused it (" + errno + "); see dmesg and /sys/kernel/debug/arm64/ for armed faults");
        }
        running.await(CPU_RUNNING_TIMEOUT);
        if (online.get(cpu) == 1) {
            return;
        }
        log.log(KernelLog.Level.CRIT, "CPU" + cpu + ": failed to come online");
        secondaryData.set(cpu, null);
        // The CPU never ran: secondary_data.status is still CPU_MMU_OFF and __early_cpu_boot_status 0.
        log.error("CPU" + cpu + ": failed in unknown state : 0x0");
        throw new HotplugException(Errno.EIO, "CPU" + cpu + " was started but did not come online within 5 s");
    }

    /**
     * {@code secondary_start_kernel} then, once the CPU has reported itself dead, {@code cpu_die}:
     * runs on the CPU's own hardware thread after it entered the kernel.
     */
    public void startSecondary(int cpu) {
        SecondaryStart start = secondaryData.get(cpu);
        if (start == null) {
            log.log(KernelLog.Level.CRIT, "CPU" + cpu + ": entered the kernel with no secondary_data; parking");
            return;
        }
        scheduler.delay(costs.warmBootInit());
        log.info("Detected PIPT I-cache on CPU" + cpu);
        scheduler.delay(costs.secondaryInit());
        log.info("CPU" + cpu + ": Booted secondary processor " + Mpidr.format(Mpidr.mask(topology.registerValue(cpu)))
                + " [0x" + Integer.toHexString(Mpidr.MIDR) + "]");
        start.online();
        online.set(cpu, 1);
        cpuRunning().complete();
        idleAndDie(cpu, start);
    }

    /**
     * {@code cpu_startup_entry} then, once the CPU has reported itself dead, {@code cpu_die}: the
     * end of every CPU's life, the boot CPU's included.
     */
    public void idleAndDie(int cpu, SecondaryStart start) {
        start.cpuStartupEntry();
        // cpu_die: the CPU has reported itself dead; stop it for good.
        int err = ops.get(cpu).die(cpu);
        if (err != 0) {
            // CPU_OFF returned: the kernel hits BUG() here.
            log.log(KernelLog.Level.EMERG, "kernel BUG at arch/arm64/kernel/smp.c: CPU" + cpu
                    + ": cpu_die: " + ops.get(cpu).name() + " returned " + err);
        }
    }

    /** {@code __cpu_disable} → {@code op_cpu_disable} on the dying CPU. */
    public void cpuDisable(int cpu) {
        CpuOperations method = ops.get(cpu);
        if (!method.hasDie()) {
            throw new HotplugException(Errno.EOPNOTSUPP, "CPU" + cpu + " uses the " + method.name()
                    + " enable method, which has no way to stop a CPU: spin-table CPUs cannot be taken offline");
        }
        int ret = method.disable(cpu);
        if (ret != 0) {
            throw new HotplugException(Errno.ofNumber(ret), "CPU" + cpu
                    + " hosts the trusted OS (psci.tos_resident_on): firmware would deny CPU_OFF, so it cannot be taken offline");
        }
        online.set(cpu, 0);
    }

    /** {@code __cpu_die} (control thread) after the core's wait for the dead report. */
    public void cpuDie(int cpu, boolean reportedDead) {
        if (!reportedDead) {
            // From 6.5 (HOTPLUG_CORE_SYNC_DEAD) the core reports it and the arch cleanup is not called.
            if (!kernel.get().atLeast(6, 5)) {
                log.log(KernelLog.Level.CRIT, "CPU" + cpu + ": cpu didn't die");
            }
            return;
        }
        // "CPU%u: shutdown" is pr_debug in 6.1: not printed.
        int err = ops.get(cpu).kill(cpu);
        if (err != 0) {
            log.warn("CPU" + cpu + " may not have shut down cleanly: " + err);
        }
    }

    /** {@code smp_cpus_done}. */
    public void smpCpusDone(int onlineCpus) {
        log.info("SMP: Total of " + onlineCpus + " processors activated.");
    }

    private synchronized Completion cpuRunning() {
        if (cpuRunning == null) {
            cpuRunning = scheduler.newCompletion("cpu_running");
        }
        return cpuRunning;
    }
}
