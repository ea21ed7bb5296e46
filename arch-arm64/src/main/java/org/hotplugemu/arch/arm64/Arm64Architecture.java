package org.hotplugemu.arch.arm64;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotplugemu.arch.arm64.debug.FaultFiles;
import org.hotplugemu.arch.arm64.psci.PsciFirmware;
import org.hotplugemu.arch.arm64.psci.PsciFirmwareConfig;
import org.hotplugemu.arch.arm64.psci.PsciTrace;
import org.hotplugemu.arch.arm64.smp.Arm64Smp;
import org.hotplugemu.arch.arm64.smp.BootCosts;
import org.hotplugemu.arch.arm64.smp.CpuOperations;
import org.hotplugemu.arch.arm64.smp.PsciCpuOperations;
import org.hotplugemu.arch.arm64.smp.PsciDriver;
import org.hotplugemu.arch.arm64.smp.SpinTableCpuOperations;
import org.hotplugemu.arch.arm64.topology.Mpidr;
import org.hotplugemu.arch.arm64.topology.MpidrTopology;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.arch.spi.KernelVersion;
import org.hotplugemu.arch.spi.MachineConfig;
import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.api.sched.Scheduler;

/**
 * The arm64 backend of one machine: MPIDR topology, emulated PSCI firmware, Linux's psci and
 * spin-table enable methods, serial bringup only.
 *
 * <p>Boot messages come where the kernel prints them: "Booting Linux on physical CPU" before the
 * banner ({@link #smpSetupProcessorId}), the PSCI probe and CPU 0's I-cache line before
 * {@code Kernel command line:} ({@link #setupArch}). Kernel parameters: see {@link Arm64Options}; fault switches: see
 * {@link FaultFiles}; costs: see {@link BootCosts}. Experimental.
 */
public final class Arm64Architecture implements Architecture {
    private final Scheduler scheduler;
    private final KernelLog log;
    private final MpidrTopology topology;
    private final PsciFirmware firmware;
    private final PsciDriver driver;
    private final Arm64Smp smp;
    private final int tosResidentCpu;
    /** The kernel whose messages are printed: the default profile's until {@link #setupArch} says. */
    private volatile KernelVersion kernel = new KernelVersion(6, 12);

    public Arm64Architecture(ArchContext context) {
        requireNonNull(context, "context is null");
        MachineConfig config = context.config();
        Arm64Options options = Arm64Options.from(config);
        this.scheduler = context.scheduler();
        this.log = context.log();
        this.topology = options.mpidrs()
                .map(list -> MpidrTopology.of(list, config.threadsPerCore()))
                .orElseGet(() -> MpidrTopology.generate(config.cpus(), config.threadsPerCore()));
        List<Long> managed = new ArrayList<>();
        Set<Long> disabled = new HashSet<>();
        for (int cpu = 0; cpu < config.cpus(); cpu++) {
            // The boot core always runs firmware; spin-table cores are not PSCI's.
            if (cpu == 0 || !options.spinTable().get(cpu)) {
                managed.add(topology.mpidr(cpu));
            }
            if (options.disabled().get(cpu)) {
                disabled.add(topology.mpidr(cpu));
            }
        }
        this.tosResidentCpu = options.tosResidentCpu();
        long tos = options.tosResidentCpu() < 0 ? -1 : topology.mpidr(options.tosResidentCpu());
        PsciTrace trace = new PsciTrace(context.tracer());
        this.firmware = new PsciFirmware(new PsciFirmwareConfig(options.conduit(), managed, disabled, tos,
                options.cpuOffLatency(), PsciFirmwareConfig.DEFAULT_RAM_BASE, PsciFirmwareConfig.DEFAULT_RAM_SIZE),
                scheduler::nanoTime, this::powerOn, trace);
        this.driver = new PsciDriver(firmware, topology, scheduler, log);
        BootCosts costs = BootCosts.defaults(options.cpuOnLatency());
        CpuOperations psci = new PsciCpuOperations(driver, topology, scheduler, log, () -> kernel);
        CpuOperations spinTable = new SpinTableCpuOperations(this::releaseFromSpinTable);
        List<CpuOperations> ops = new ArrayList<>();
        for (int cpu = 0; cpu < config.cpus(); cpu++) {
            ops.add(options.spinTable().get(cpu) ? spinTable : psci);
        }
        this.smp = new Arm64Smp(scheduler, log, topology, costs, ops, () -> kernel);
        FaultFiles.register(context.files(), firmware, topology, config.cpus());
    }

    @Override
    public String name() {
        return Arm64ArchitectureProvider.NAME;
    }

    @Override
    public String defaultProfile() {
        return "linux-6.12-arm64";
    }

    @Override
    public List<CpuTopology> topology() {
        return topology.topology();
    }

    @Override
    public Set<String> kernelParameters() {
        return Arm64Options.PARAMETERS;
    }

    @Override
    public boolean isHotpluggable(int cpu) {
        // cpu_can_disable; the trusted OS's CPU is known from the configuration before the probe runs.
        return smp.ops(cpu).hasDie() && cpu != tosResidentCpu;
    }

    @Override
    public boolean supportsParallelBringup() {
        return false;
    }

    @Override
    public boolean smtControlImplemented() {
        return false;
    }

    /** {@code smp_setup_processor_id}: the boot CPU's MPIDR, before the banner. */
    @Override
    public void smpSetupProcessorId() {
        log.info("Booting Linux on physical CPU " + Mpidr.format(Mpidr.mask(topology.registerValue(0)))
                + " [0x" + Integer.toHexString(Mpidr.MIDR) + "]");
    }

    /** {@code setup_arch}'s PSCI probe, then {@code smp_prepare_boot_cpu}'s cache line for CPU 0. */
    @Override
    public void setupArch(KernelVersion version) {
        this.kernel = requireNonNull(version, "version is null");
        driver.probe();
        log.info("Detected PIPT I-cache on CPU0");
    }

    /** The device tree model of qemu's virt machine, which the reference kernels booted on. */
    @Override
    public String hardwareName() {
        return "linux,dummy-virt (DT)";
    }

    /** arm64's {@code dump_backtrace}: lowercase header, the unwinder's own frames first, no markers. */
    @Override
    public List<String> callTrace(List<String> frames) {
        List<String> lines = new ArrayList<>(List.of("Call trace:", " dump_backtrace", " show_stack", " dump_stack_lvl", " dump_stack"));
        frames.forEach(frame -> lines.add(" " + frame));
        return lines;
    }

    @Override
    public void bootSecondary(int cpu, SecondaryStart start) {
        smp.cpuUp(cpu, start);
    }

    @Override
    public void startBootCpuIdle(SecondaryStart start, Scheduler scheduler) {
        scheduler.spawn("swapper/" + start.cpu(), start.cpu(), () -> smp.idleAndDie(start.cpu(), start));
    }

    @Override
    public void cpuDisable(int cpu) {
        smp.cpuDisable(cpu);
    }

    @Override
    public void cpuDie(int cpu, boolean reportedDead) {
        smp.cpuDie(cpu, reportedDead);
    }

    @Override
    public void smpCpusDone(int onlineCpus) {
        smp.smpCpusDone(onlineCpus);
    }

    /** Returns the emulated firmware (scenarios and tests inspect it). */
    public PsciFirmware firmware() {
        return firmware;
    }

    /** Firmware accepted CPU_ON: the core powers up, enters warm boot, then the kernel entry. */
    private void powerOn(long mpidr, long entry, long contextId) {
        int cpu = topology.cpuOf(mpidr);
        scheduler.spawn("swapper/" + cpu, cpu, () -> {
            scheduler.delay(smp.costs().cpuOnLatency());
            firmware.warmBootEntered(mpidr);
            smp.startSecondary(cpu);
        });
    }

    /** The kernel wrote the release address and sent SEV: the core leaves WFE. */
    private void releaseFromSpinTable(int cpu) {
        scheduler.spawn("swapper/" + cpu, cpu, () -> {
            scheduler.delay(smp.costs().spinTableRelease());
            smp.startSecondary(cpu);
        });
    }

    /** 6.11+ "online capable" vCPUs: absent ones are refused by PSCI with DENIED. */
    @Override
    public org.hotplugemu.arch.spi.HotplugFirmware hotplugFirmware() {
        return new org.hotplugemu.arch.arm64.hotplug.OnlineCapableFirmware();
    }
}
