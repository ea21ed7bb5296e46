package org.hotplugemu.core.testing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.SecondaryStart;

/**
 * A minimal architecture for core tests: each CPU's hardware thread starts at once, spends
 * {@link #AP_INIT} of virtual time in low-level init, then runs the core's secondary path. Faults
 * can be armed per CPU through the public sets.
 */
public final class TestingArchitecture implements Architecture {
    public static final Duration AP_INIT = Duration.ofNanos(100_000);

    private final ArchContext context;
    private final List<CpuTopology> topology;
    /** CPUs whose hardware never runs kernel code after a kick. */
    public final Set<Integer> neverAlive = ConcurrentHashMap.newKeySet();
    /** CPUs whose {@code cpu_disable} refuses with EBUSY. */
    public final Set<Integer> refuseDisable = ConcurrentHashMap.newKeySet();
    /** What {@code cpu_disable} throws, per CPU: a backend bug, not a refusal. */
    public final java.util.Map<Integer, Throwable> throwOnDisable = new ConcurrentHashMap<>();
    /** What {@code cpu_die} throws, per CPU, although it must not. */
    public final java.util.Map<Integer, Throwable> throwOnDie = new ConcurrentHashMap<>();
    /** CPUs whose kick fails with EIO. */
    public final Set<Integer> failKick = ConcurrentHashMap.newKeySet();
    /** CPUs whose hardware starts kernel code only after this much time: an AP that may be late. */
    public final java.util.Map<Integer, Duration> lateBy = new ConcurrentHashMap<>();
    /**
     * CPUs whose backend waits for alive itself, as backends had to before {@code bringupWaits}:
     * it spawns the AP, sleeps this long, and throws EIO when the CPU is not online by then.
     */
    public final java.util.Map<Integer, Duration> ownAliveWait = new ConcurrentHashMap<>();
    /** The alive and dead waits this backend declares; the kernel's generic ones unless a test sets others. */
    public volatile org.hotplugemu.arch.spi.BringupWaits waits = org.hotplugemu.arch.spi.BringupWaits.KERNEL;
    /** The profile and kernel the core asked {@link #bringupWaits} about, or null before it asked. */
    public volatile String waitsAskedFor;
    /**
     * Models a RISC-V-like firmware stop: play_dead spends {@link #hartStopCost} and then marks the
     * hart stopped; cpu_die checks the firmware once and warns when the hart is not stopped yet.
     */
    public volatile boolean firmwareStop;
    /** With {@link #firmwareStop}: play_dead reports dead after the hart stopped, and the core waits for it. */
    public volatile boolean reportsDead;
    /** How long the firmware's {@code hart_stop} takes to stop the hart. */
    public volatile Duration hartStopCost = Duration.ofMillis(1);
    private final Set<Integer> hartsStopped = ConcurrentHashMap.newKeySet();
    private final boolean parallel;

    public TestingArchitecture(ArchContext context, boolean parallel) {
        this.context = requireNonNull(context, "context is null");
        this.parallel = parallel;
        int threads = context.config().threadsPerCore();
        List<CpuTopology> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < context.config().cpus(); cpu++) {
            cpus.add(new CpuTopology(cpu, cpu, 0, cpu / threads, cpu % threads));
        }
        this.topology = List.copyOf(cpus);
    }

    /** Returns the context the machine created this backend with. */
    public ArchContext context() {
        return context;
    }

    @Override
    public String name() {
        return TestingArchitectureProvider.NAME;
    }

    /** The profile a machine uses when its builder names none. */
    public volatile String defaultProfileName = "linux-6.1-x86_64";

    @Override
    public String defaultProfile() {
        return defaultProfileName;
    }

    @Override
    public List<CpuTopology> topology() {
        return topology;
    }

    @Override
    public boolean isHotpluggable(int cpu) {
        return cpu != 0;
    }

    @Override
    public boolean supportsParallelBringup() {
        return parallel;
    }

    @Override
    public boolean smtControlImplemented() {
        return true;
    }

    @Override
    public boolean siblingsMustBootOnce() {
        return true;
    }

    @Override
    public void bootSecondary(int cpu, SecondaryStart start) {
        if (failKick.contains(cpu)) {
            throw new HotplugException(Errno.EIO, "testing: kick of CPU " + cpu + " failed");
        }
        if (neverAlive.contains(cpu)) {
            return;
        }
        hartsStopped.remove(cpu);
        Duration late = lateBy.getOrDefault(cpu, Duration.ZERO);
        context.scheduler().spawn("swapper/" + cpu, cpu, () -> {
            context.scheduler().sleep(AP_INIT.plus(late));
            start.online();
            start.cpuStartupEntry();
            playDead(cpu, start);
        });
        Duration own = ownAliveWait.get(cpu);
        if (own != null) {
            context.scheduler().sleep(own);
            throw new HotplugException(Errno.EIO, "testing: CPU " + cpu + " did not come online within " + own.toMillis() + " ms");
        }
    }

    @Override
    public org.hotplugemu.arch.spi.BringupWaits bringupWaits(String profile, String kernel) {
        waitsAskedFor = profile + " " + kernel;
        return waits;
    }

    private void playDead(int cpu, org.hotplugemu.arch.spi.SecondaryStart start) {
        if (!firmwareStop) {
            return;
        }
        // sbi_hsm_hart_stop: the hart stops once the firmware is done with it.
        context.scheduler().delay(hartStopCost);
        hartsStopped.add(cpu);
        if (reportsDead) {
            start.reportDead();
        }
    }

    @Override
    public boolean reportsDeadFromPlayDead() {
        return reportsDead;
    }

    @Override
    public void cpuDisable(int cpu) {
        Throwable thrown = throwOnDisable.get(cpu);
        if (thrown != null) {
            throw sneaky(thrown);
        }
        if (refuseDisable.contains(cpu)) {
            throw new HotplugException(Errno.EBUSY, "testing: CPU " + cpu + " refuses to be disabled");
        }
    }

    @Override
    public void cpuDie(int cpu, boolean reportedDead) {
        Throwable thrown = throwOnDie.get(cpu);
        if (thrown != null) {
            throw sneaky(thrown);
        }
        if (firmwareStop && !hartsStopped.contains(cpu)) {
            context.log().warn("CPU" + cpu + " may not have stopped: -" + Errno.EIO.number());
        }
        context.log().info(reportedDead ? "testing: CPU " + cpu + " is now offline" : "testing: CPU " + cpu + " did not die");
    }

    /** Rethrows any throwable, checked or not, as a careless plugin would. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
