package org.hotplugemu.distribution.bench;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.core.driver.MachineDrivers;
import org.hotplugemu.core.engine.HandoffProbe;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.distribution.explore.Campaign;
import org.hotplugemu.distribution.explore.ExploreReport;
import org.hotplugemu.distribution.explore.MachineSource;

/**
 * The short version of the JMH suite behind {@code hotplug-emu bench}: engine handoffs, one-CPU
 * offline/online cycles, boots of growing machines with their heap, setup_state over the largest,
 * and the cost of cpuhp tracing. Wall-clock figures; run it on an otherwise idle machine. Experimental.
 */
public final class BenchSuite {
    /** Like the qemu reference machine: four CPUs, cycling CPU 1. */
    private static final int CYCLE_CPUS = 4;
    /**
     * The threads engine honours modelled time in real time (a cycle's kernel delays, as the profile's
     * cost model gives them, are what the sim cycle's engine time shows); a twentieth of it leaves
     * more of the engine's own cost, while the kernel's 10 s bring-up timeout stays at a safe 500 ms
     * of real time (at a thousandth, a 10 ms hiccup failed a bring-up). The hung-task timeout is
     * engine time too, so it grows.
     */
    static final double THREADS_TIME_SCALE = 0.05;
    static final String THREADS_COMMAND_LINE = "emu.time_scale=" + THREADS_TIME_SCALE + " emu.hung_task_timeout_secs=1000000";

    private final ArchitectureProvider architecture;
    private final List<HotplugDriverProvider> drivers;
    private final Consumer<String> progress;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /** {@code progress} receives one line as each probe starts (e.g. printed to stderr). */
    public BenchSuite(ArchitectureProvider architecture, List<HotplugDriverProvider> drivers, Consumer<String> progress) {
        this.architecture = requireNonNull(architecture, "architecture is null");
        this.drivers = List.copyOf(drivers);
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** The {@code threads} engine's figures: handoff in nanoseconds, one-CPU cycle in microseconds. */
    public record ThreadsFigures(double handoffNs, double cycleUs) {
    }

    /** Runs the whole suite, measuring the {@code threads} engine in this JVM. */
    public BenchReport run(BenchPlan plan) {
        return run(plan, () -> measureThreads(plan));
    }

    /**
     * Runs the suite with the {@code threads} figures from {@code threads}, e.g. measured in a JVM of
     * their own when this one runs virtual threads on a single carrier for the {@code sim} engine.
     */
    public BenchReport run(BenchPlan plan, java.util.function.Supplier<ThreadsFigures> threads) {
        // First, while this JVM is still idle: the child processes would compete with its JIT otherwise.
        progress.accept("start-up (java -version, states, boot --cpus 4) x " + plan.startupRuns());
        StartupProbe startupProbe = StartupProbe.forThisJvm();
        StartupProbe.Figures startup = startupProbe.measure(plan.startupRuns());
        progress.accept("handoffs");
        double handoffSim = medianOfThree(() -> HandoffProbe.measure("sim", plan.handoffs()));
        double handoffJdk = medianOfThree(() -> JdkPingPong.measure(plan.handoffs()));

        progress.accept("offline/online cycles");
        double cycleSim;
        double cycleFromJava;
        double cycleTraced;
        double switchesPerCycle;
        double engineMicrosPerCycle;
        try (CycleProbe plain = new CycleProbe(builder(CYCLE_CPUS, "sim", ""), false);
                CycleProbe traced = new CycleProbe(builder(CYCLE_CPUS, "sim", ""), true)) {
            plain.warmUp(plan.warmupCycles());
            traced.warmUp(plan.warmupCycles());
            // Alternating blocks expose all three to the same background load.
            double[] plainBlocks = new double[BenchPlan.BLOCKS];
            double[] javaBlocks = new double[BenchPlan.BLOCKS];
            double[] tracedBlocks = new double[BenchPlan.BLOCKS];
            for (int b = 0; b < BenchPlan.BLOCKS; b++) {
                plainBlocks[b] = plain.block(plan.cycles() / BenchPlan.BLOCKS);
                javaBlocks[b] = plain.blockFromJava(plan.cycles() / BenchPlan.BLOCKS);
                tracedBlocks[b] = traced.block(plan.cycles() / BenchPlan.BLOCKS);
            }
            cycleSim = CycleProbe.median(plainBlocks);
            cycleFromJava = CycleProbe.median(javaBlocks);
            cycleTraced = CycleProbe.median(tracedBlocks);
            switchesPerCycle = plain.switchesPerCycle();
            engineMicrosPerCycle = plain.engineMicrosPerCycle();
        }
        progress.accept("threads engine");
        ThreadsFigures threadsFigures = threads.get();
        double handoffThreads = threadsFigures.handoffNs();
        double cycleThreads = threadsFigures.cycleUs();

        progress.accept("boots of " + plan.bootCpus());
        bootAndDrop(plan.bootCpus().getFirst()); // warm-up
        List<BootFigure> boots = new ArrayList<>();
        long setupStateNanos = -1;
        for (int cpus : plan.bootCpus()) {
            if (cpus == plan.largestMachine()) {
                setupStateNanos = bootAndSetupState(cpus, boots);
            } else {
                boots.add(bootAndDrop(cpus));
            }
        }
        progress.accept("explore sweep of " + CYCLE_CPUS + " CPUs");
        long sweepStart = System.nanoTime();
        // As explore runs it: with lockdep on.
        ExploreReport sweep = new Campaign(new MachineSource(() -> new MachineBuilder().architecture(architecture), this::freshDrivers, "emu.lockdep=1",
                CYCLE_CPUS, ""), 0, new Campaign.Options(0, 1, 1, 1, java.util.Optional.empty())).run(total -> done -> { });
        double sweepSeconds = (System.nanoTime() - sweepStart) / 1e9;
        double exploreProcessMs = -1;
        if (plan.startupRuns() > 1) {
            progress.accept("explore (a whole default run, as a process) x " + plan.startupRuns());
            exploreProcessMs = startupProbe.measureExplore(plan.startupRuns());
        }
        return new BenchReport(handoffSim, handoffThreads, handoffJdk, cycleSim, cycleFromJava, cycleThreads,
                engineMicrosPerCycle * THREADS_TIME_SCALE, switchesPerCycle, boots,
                plan.largestMachine(), setupStateNanos / 1e6, cycleTraced / cycleSim, startup,
                new BenchReport.Sweep(sweep.scenarios(), sweep.failed().size(), sweepSeconds * 1_000, sweep.scenarios() / sweepSeconds, exploreProcessMs));
    }

    /** New drivers for each of the sweep's many machines (a driver object belongs to one machine). */
    private List<HotplugDriver> freshDrivers() {
        return MachineDrivers.createEach(drivers, architecture.name());
    }

    /** Measures the {@code threads} engine's handoff and one-CPU cycle in this JVM. */
    public ThreadsFigures measureThreads(BenchPlan plan) {
        double handoff = medianOfThree(() -> HandoffProbe.measure("threads", plan.handoffs()));
        try (CycleProbe threads = new CycleProbe(builder(CYCLE_CPUS, "threads", THREADS_COMMAND_LINE), false)) {
            threads.warmUp(plan.threadsCycles());
            return new ThreadsFigures(handoff, threads.medianMicros(plan.threadsCycles(), BenchPlan.BLOCKS));
        }
    }

    /** Runs {@code probe} once to warm the JIT up, then three times, and returns the median. */
    private static double medianOfThree(DoubleSupplier probe) {
        probe.getAsDouble();
        return CycleProbe.median(new double[] {probe.getAsDouble(), probe.getAsDouble(), probe.getAsDouble()});
    }

    private BootFigure bootAndDrop(int cpus) {
        long before = usedHeap();
        long start = System.nanoTime();
        try (Machine machine = builder(cpus, "sim", "").build()) {
            machine.boot();
            double wallMs = (System.nanoTime() - start) / 1e6;
            return new BootFigure(cpus, wallMs, (usedHeap() - before) / 1048576.0);
        }
    }

    /** Boots {@code cpus} CPUs once, records the boot, then times setup_state on the same machine. */
    private long bootAndSetupState(int cpus, List<BootFigure> boots) {
        long before = usedHeap();
        long start = System.nanoTime();
        try (Machine machine = builder(cpus, "sim", "").build()) {
            machine.boot();
            double wallMs = (System.nanoTime() - start) / 1e6;
            boots.add(new BootFigure(cpus, wallMs, (usedHeap() - before) / 1048576.0));
            progress.accept("setup_state over " + cpus + " CPUs");
            ProbeDriver probe = ProbeDriver.setupStateProbe();
            machine.control().loadDriver(probe);
            return probe.setupStateNanos();
        }
    }

    private MachineBuilder builder(int cpus, String engine, String commandLine) {
        return new MachineBuilder().architecture(architecture).cpus(cpus).engine(engine).commandLine(commandLine)
                .driverProviders(drivers);
    }

    private long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
