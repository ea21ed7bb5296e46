package org.hotplugemu.arch.x86;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.arch.spi.KernelVersion;
import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.arch.x86.apic.ApicBus;
import org.hotplugemu.arch.x86.apic.ApicTracepoints;
import org.hotplugemu.arch.x86.apic.LocalApic;
import org.hotplugemu.arch.x86.fault.X86Faults;
import org.hotplugemu.arch.x86.smpboot.ApStartup;
import org.hotplugemu.arch.x86.smpboot.BootAnnouncer;
import org.hotplugemu.arch.x86.smpboot.WakeupSequence;
import org.hotplugemu.arch.x86.topology.X86Topology;

/**
 * The x86 backend of one emulated machine: local APICs woken with INIT-SIPI-SIPI as Linux's
 * {@code arch/x86/kernel/smpboot.c} does, CPUs that park in {@code mwait_play_dead} when taken
 * down, and the kernel's smpboot messages. A model for new backends: hardware in its own package
 * ({@code apic}), the kernel's arch code on top ({@code smpboot}), faults as debugfs switches
 * ({@code fault}), costs in one documented record ({@link X86CostModel}).
 *
 * <p>Machine: one package and node; APIC ids from {@link X86Topology}; the boot CPU (CPU 0) has no
 * {@code online} file ({@code CONFIG_BOOTPARAM_HOTPLUG_CPU0} unset) but goes offline through
 * {@code hotplug/target} like any CPU, parks in {@code mwait_play_dead} and is woken with
 * INIT-SIPI-SIPI. The emulated CPU is an Intel
 * family 6 part, so {@code init_udelay} is 0 unless {@code cpu_init_udelay=} sets it (the kernel's
 * {@code smp_quirk_init_udelay}). Faults: {@link X86Faults}. Trace events: {@link ApicTracepoints}.
 * {@code /sys/kernel/debug/x86/lapic} lists each CPU's APIC state.
 *
 * <p>Experimental.
 */
public final class X86Architecture implements Architecture {
    public static final String NAME = "x86";
    public static final String DEFAULT_PROFILE = "linux-6.12-x86_64";
    public static final String CPU_INIT_UDELAY = "cpu_init_udelay";
    /** Where {@code real_mode_header->trampoline_start} lies: a page below 1 MiB (SIPI vector 0x9a). */
    public static final long TRAMPOLINE_START = 0x9a000;
    /** {@code loops_per_jiffy} of the reference kernel's boot CPU (5192.21 BogoMIPS at HZ=250). */
    static final long LOOPS_PER_JIFFY = 10_384_424;
    static final int HZ = 250;

    private final ArchContext context;
    private final KernelLog log;
    private final X86Topology topology;
    private final X86Faults faults;
    private final ApicBus bus;
    private final ApStartup apStartup;
    private final WakeupSequence wakeup;
    private final BootAnnouncer announcer;
    private volatile boolean booting = true;
    /** The kernel whose messages are printed: the default profile's until {@link #setupArch} says. */
    private volatile KernelVersion kernel = new KernelVersion(6, 12);

    public X86Architecture(ArchContext context, X86CostModel costs) {
        this.context = requireNonNull(context, "context is null");
        requireNonNull(costs, "costs is null");
        this.log = context.log();
        this.topology = new X86Topology(context.config());
        this.faults = new X86Faults(context.config().cpus());
        ApicTracepoints trace = new ApicTracepoints(context.tracer());
        this.apStartup = new ApStartup(context.scheduler(), costs, topology::cpuOfApicId, cpu -> faults.neverAlive().fire(cpu));
        this.bus = new ApicBus(topology.cpus(), faults, apStartup::started, trace);
        long initUdelay = context.config().commandLine().getLong(CPU_INIT_UDELAY, 0);
        this.wakeup = new WakeupSequence(context.scheduler(), bus, log, initUdelay, costs.icrWrite(), topology.x2apic());
        this.announcer = new BootAnnouncer(log, context.config().cpus(), () -> kernel);
        faults.register(context.files());
        context.files().add(X86Faults.DIRECTORY + "lapic", VirtualFile.readOnly(this::lapicStates));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String defaultProfile() {
        return DEFAULT_PROFILE;
    }

    @Override
    public List<CpuTopology> topology() {
        return topology.cpus();
    }

    @Override
    public Set<String> kernelParameters() {
        return Set.of(CPU_INIT_UDELAY);
    }

    @Override
    public boolean isHotpluggable(int cpu) {
        return cpu != 0;
    }

    @Override
    public boolean supportsParallelBringup() {
        return true;
    }

    @Override
    public boolean smtControlImplemented() {
        return true;
    }

    @Override
    public boolean siblingsMustBootOnce() {
        return true;
    }

    /** The APIC of {@code cpu}, for tests and tools that inspect the hardware model. */
    public LocalApic apic(int cpu) {
        return bus.apicOfCpu(cpu);
    }

    public X86Faults faults() {
        return faults;
    }

    /**
     * {@code setup_arch}: the command line, then the CPU enumeration: 6.1's
     * {@code prefill_possible_map} line, or from 6.9 the topology summary of
     * {@code topology_init_possible_cpus}.
     */
    @Override
    public void setupArch(KernelVersion version) {
        this.kernel = requireNonNull(version, "version is null");
        log.info("Command line: " + context.config().commandLine());
        int cpus = context.config().cpus();
        if (!version.atLeast(6, 9)) {
            log.info("smpboot: Allowing " + cpus + " CPUs, 0 hotplug CPUs");
            return;
        }
        int threads = context.config().threadsPerCore();
        log.info(String.format(java.util.Locale.ROOT, "CPU topo: Max. logical packages: %3d", 1));
        log.info(String.format(java.util.Locale.ROOT, "CPU topo: Max. logical dies:     %3d", 1));
        log.info(String.format(java.util.Locale.ROOT, "CPU topo: Max. dies per package: %3d", 1));
        log.info(String.format(java.util.Locale.ROOT, "CPU topo: Max. threads per core: %3d", threads));
        log.info(String.format(java.util.Locale.ROOT, "CPU topo: Num. cores per package:   %3d", cpus / threads));
        log.info(String.format(java.util.Locale.ROOT, "CPU topo: Num. threads per package: %3d", cpus));
        log.info("CPU topo: Allowing " + cpus + " present CPUs plus 0 hotplug CPUs");
    }

    /** The DMI line of the reference machine (qemu's q35 with its SeaBIOS), as its dmesg shows it. */
    @Override
    public String hardwareName() {
        return "QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2-debian-1.16.2-1 04/01/2014";
    }

    @Override
    public void smpPrepareCpus() {
        log.info("smpboot: CPU0: hotplug-emu x86-64 CPU (family: 0x6, model: 0x55, stepping: 0x4)");
    }

    @Override
    public void bootSecondary(int cpu, SecondaryStart start) {
        requireNonNull(start, "start is null");
        if (cpu < 0 || cpu >= topology.cpus().size() || start.cpu() != cpu) {
            log.error("smpboot: native_cpu_up: bad cpu " + cpu);
            throw new HotplugException(Errno.EINVAL, "CPU " + cpu + " cannot be woken: only CPUs 0.."
                    + (topology.cpus().size() - 1) + " have an APIC to send INIT-SIPI-SIPI to");
        }
        int apicId = topology.apicId(cpu);
        announcer.announce(cpu, apicId, booting);
        apStartup.prepare(start);
        int bootError;
        try {
            bootError = wakeup.wake(bus.apicOfCpu(context.scheduler().currentCpu()), apicId, TRAMPOLINE_START);
        }
        finally {
            faults.bringupDone(cpu);
        }
        if (bootError != 0) {
            apStartup.cancel(cpu);
            log.error("smpboot: do_boot_cpu failed(" + bootError + ") to wakeup CPU#" + cpu);
            throw new HotplugException(Errno.EIO, "CPU " + cpu + " did not accept its start-up IPI (boot error " + bootError
                    + "); see dmesg, and disarm " + X86Faults.DIRECTORY + "fail_esr_error if a scenario armed it");
        }
    }

    @Override
    public void startBootCpuIdle(SecondaryStart start, Scheduler scheduler) {
        LocalApic apic = bus.apicOfCpu(start.cpu());
        int generation = apic.generation();
        scheduler.spawn("swapper/" + start.cpu(), start.cpu(), () -> {
            start.cpuStartupEntry();
            apic.halt(generation, ApStartup.PLAY_DEAD);
        });
    }

    @Override
    public void cpuDisable(int cpu) {
        if (faults.vectorExhaustion().fire(cpu)) {
            // lapic_can_unplug_cpu: illustrative counts, as in reports of this failure on large machines.
            log.warn("CPU " + cpu + " has 111 vectors, 90 available. Cannot disable CPU");
            throw new HotplugException(Errno.ENOSPC, "CPU " + cpu + " cannot be disabled: the online CPUs have no room for its"
                    + " interrupt vectors; write -1 to " + X86Faults.DIRECTORY + "fail_vector_exhaustion to disarm the fault");
        }
        bus.apicOfCpu(cpu).softDisable();
    }

    @Override
    public void cpuDie(int cpu, boolean reportedDead) {
        if (!reportedDead) {
            // From 6.5 the core's dead synchronisation reports it ("failed to report dead state") and
            // arch_cpuhp_cleanup_dead_cpu is not called; up to 6.4 common_cpu_die reported it.
            if (!kernel.atLeast(6, 5)) {
                log.error("smpboot: CPU " + cpu + " didn't die...");
            }
            return;
        }
        if (!booting) {
            log.info("smpboot: CPU " + cpu + " is now offline");
        }
    }

    @Override
    public void smpCpusDone(int onlineCpus) {
        announcer.flush();
        booting = false;
        long bogosum = onlineCpus * LOOPS_PER_JIFFY;
        if (!kernel.atLeast(6, 9)) {
            // From 6.9 the package count is part of the CPU topo summary at setup_arch.
            log.info("smpboot: Max logical packages: 1");
        }
        log.info(String.format(java.util.Locale.ROOT, "smpboot: Total of %d processors activated (%d.%02d BogoMIPS)",
                onlineCpus, bogosum / (500_000 / HZ), (bogosum / (5_000 / HZ)) % 100));
    }

    private String lapicStates() {
        return bus.apics().stream().map(apic -> apic + "\n").collect(Collectors.joining());
    }
}
