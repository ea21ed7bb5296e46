package org.hotplugemu.arch.arm64.smp;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.hotplugemu.arch.arm64.psci.PsciReturn;
import org.hotplugemu.arch.arm64.topology.MpidrTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.sched.Scheduler;

/**
 * The {@code psci} enable method ({@code arch/arm64/kernel/psci.c}): boot with CPU_ON, refuse to
 * stop the trusted OS's CPU, stop with CPU_OFF, and confirm death by polling AFFINITY_INFO for at
 * most 100 ms with 100 µs sleeps (the low end of the kernel's {@code usleep_range(100, 1000)}).
 * The "polled %d ms" value counts jiffies at HZ=250, Debian's arm64 setting. Experimental.
 */
public final class PsciCpuOperations implements CpuOperations {
    /** Physical address of {@code secondary_entry} in the emulated kernel image. */
    public static final long SECONDARY_ENTRY = 0x40a10000L;
    /** {@code PSCI_POWER_STATE_TYPE_POWER_DOWN << PSCI_0_2_POWER_STATE_TYPE_SHIFT}. */
    static final long POWER_DOWN_STATE = 1L << 16;
    private static final long NANOS_PER_JIFFY = 4_000_000L;
    private static final long KILL_TIMEOUT_JIFFIES = 25;
    private static final Duration KILL_POLL_SLEEP = Duration.ofNanos(100_000);

    private final PsciDriver driver;
    private final MpidrTopology topology;
    private final Scheduler scheduler;
    private final KernelLog log;
    private final java.util.function.Supplier<org.hotplugemu.arch.spi.KernelVersion> kernel;

    public PsciCpuOperations(PsciDriver driver, MpidrTopology topology, Scheduler scheduler, KernelLog log,
            java.util.function.Supplier<org.hotplugemu.arch.spi.KernelVersion> kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.topology = requireNonNull(topology, "topology is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.log = requireNonNull(log, "log is null");
    }

    @Override
    public String name() {
        return "psci";
    }

    @Override
    public int boot(int cpu) {
        int err = driver.cpuOn(topology.mpidr(cpu), SECONDARY_ENTRY);
        // From 6.11 a CPU the firmware denies (DENIED, -EPERM) is expected: not logged.
        if (err != 0 && (err != -org.hotplugemu.api.kernel.Errno.EPERM.number() || !kernel.get().atLeast(6, 11))) {
            log.error("psci: failed to boot CPU" + cpu + " (" + err + ")");
        }
        return err;
    }

    @Override
    public boolean canDisable(int cpu) {
        return !driver.tosResidentOn(cpu);
    }

    @Override
    public boolean hasDie() {
        return true;
    }

    @Override
    public int disable(int cpu) {
        // The trusted OS would deny CPU_OFF.
        return driver.tosResidentOn(cpu) ? -Errno.EPERM.number() : 0;
    }

    @Override
    public int die(int cpu) {
        return driver.cpuOff(POWER_DOWN_STATE);
    }

    @Override
    public int kill(int cpu) {
        long start = jiffies();
        long end = start + KILL_TIMEOUT_JIFFIES;
        int err;
        do {
            err = driver.affinityInfo(topology.mpidr(cpu), 0);
            if (err == PsciReturn.AFFINITY_OFF) {
                log.info("psci: CPU" + cpu + " killed (polled " + (jiffies() - start) * 4 + " ms)");
                return 0;
            }
            scheduler.sleep(KILL_POLL_SLEEP);
        } while (jiffies() < end);
        log.warn("psci: CPU" + cpu + " may not have shut down cleanly (AFFINITY_INFO reports " + err + ")");
        return -Errno.ETIMEDOUT.number();
    }

    private long jiffies() {
        return scheduler.nanoTime() / NANOS_PER_JIFFY;
    }
}
