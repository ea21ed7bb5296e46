package org.hotplugemu.distribution.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@code hotplug-emu bench} run. {@link #toJson()} has exactly the keys the
 * benchmarks issue names, in that order. A sim cycle ({@code cycleSimUs}) runs as the kernel's
 * {@code torture_onoff} runs it, in an emulated thread; {@code cycleFromJavaUs} is the same cycle
 * as two writes from a Java thread, each a crossing into the engine and back; {@code threadsModelledUs}
 * is the real time the {@code threads} cycle must spend in the kernel delays its profile models. Experimental.
 */
public record BenchReport(double handoffSimNs, double handoffThreadsNs, double handoffJdkNs, double cycleSimUs,
        double cycleFromJavaUs, double cycleThreadsUs, double threadsModelledUs, double handoffsPerCycle,
        List<BootFigure> boot, int setupStateCpus, double setupStateMs, double traceOverheadRatio, StartupProbe.Figures startup, Sweep sweep) {
    /** Start-up targets of issue 18, as multiples of {@code java -version} of the same JDK. */
    static final double STATES_TARGET = 8;
    static final double BOOT_TARGET = 12;

    public BenchReport {
        boot = List.copyOf(boot);
    }

    /**
     * The {@code explore} sweeps (no random sequences) of the stock 4-CPU machine in this JVM: size,
     * failures and speed; and the wall time of a whole default {@code hotplug-emu explore} process,
     * or -1 when not measured (a quick run).
     */
    public record Sweep(int scenarios, int failed, double wallMs, double scenariosPerSecond, double exploreProcessMs) {
    }

    /** Returns the wall time of a default {@code explore} process over that of {@code boot --cpus 4}, or -1 when not measured. */
    public double exploreBootRatio() {
        return sweep.exploreProcessMs() < 0 ? -1 : sweep.exploreProcessMs() / startup.bootMs();
    }

    /** Returns a sim cycle over its floor: handoffs per cycle times the raw JDK park/unpark handoff. */
    public double cycleFloorRatio() {
        return cycleSimUs * 1_000 / (handoffsPerCycle * handoffJdkNs);
    }

    /** Returns the report as ordered maps and lists, ready for a JSON writer. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> handoff = new LinkedHashMap<>();
        handoff.put("sim", round(handoffSimNs));
        handoff.put("threads", round(handoffThreadsNs));
        handoff.put("jdk_park", round(handoffJdkNs));
        json.put("handoff_ns", handoff);
        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("sim", round(cycleSimUs));
        cycle.put("sim_from_java", round(cycleFromJavaUs));
        cycle.put("threads", round(cycleThreadsUs));
        json.put("cycle_us", cycle);
        json.put("handoffs_per_cycle", round(handoffsPerCycle));
        json.put("cycle_floor_ratio", round(cycleFloorRatio()));
        json.put("boot", boot.stream().map(figure -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("cpus", figure.cpus());
            entry.put("wall_ms", round(figure.wallMs()));
            entry.put("heap_mb", round(figure.heapMb()));
            return entry;
        }).toList());
        json.put("setup_state_8192_ms", round(setupStateMs));
        json.put("trace_overhead_ratio", round(traceOverheadRatio));
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("java_version_ms", round(startup.javaVersionMs()));
        start.put("states_ms", round(startup.statesMs()));
        start.put("boot_cpus_4_ms", round(startup.bootMs()));
        start.put("states_ratio", round(startup.statesRatio()));
        start.put("boot_ratio", round(startup.bootRatio()));
        start.put("launcher", startup.launcher());
        json.put("startup", start);
        Map<String, Object> explore = new LinkedHashMap<>();
        explore.put("scenarios", sweep.scenarios());
        explore.put("failed", sweep.failed());
        explore.put("wall_ms", round(sweep.wallMs()));
        explore.put("scenarios_per_s", round(sweep.scenariosPerSecond()));
        if (sweep.exploreProcessMs() >= 0) {
            explore.put("explore_process_ms", round(sweep.exploreProcessMs()));
            explore.put("explore_boot_ratio", round(exploreBootRatio()));
        }
        json.put("sweep", explore);
        return json;
    }

    /** Returns the figures as an aligned table, each next to its target. */
    public String toTable() {
        StringBuilder table = new StringBuilder();
        row(table, "figure", "measured", "target");
        row(table, "handoff sim", format(handoffSimNs / 1_000, "µs"), "<= 5 µs");
        row(table, "handoff threads", format(handoffThreadsNs / 1_000, "µs"), "");
        row(table, "handoff jdk_park", format(handoffJdkNs / 1_000, "µs"), "(floor)");
        row(table, "cycle sim", format(cycleSimUs, "µs"), "<= 100 µs (a torture_onoff loop in the engine)");
        row(table, "cycle sim, writes from Java", format(cycleFromJavaUs, "µs"), "(two calls into the engine from a Java thread)");
        row(table, "cycle threads", format(cycleThreadsUs, "µs"),
                String.format(Locale.ROOT, "(%.0f µs of it modelled delays at emu.time_scale=%s)", threadsModelledUs, BenchSuite.THREADS_TIME_SCALE));
        row(table, "handoffs per cycle", format(handoffsPerCycle, ""), "");
        row(table, "cycle floor (jdk_park)", format(handoffsPerCycle * handoffJdkNs / 1_000, "µs"),
                String.format(Locale.ROOT, "cycle = %.1fx floor; <= 3x", cycleFloorRatio()));
        for (BootFigure figure : boot) {
            row(table, "boot " + figure.cpus() + " CPUs", format(figure.wallMs(), "ms") + format(figure.heapMb(), "MB"),
                    figure.cpus() == 8192 ? "<= 3000 ms, <= 1024 MB" : "");
        }
        row(table, "boot per CPU, largest/smallest", format(perCpuGrowth(), "x"), "<= 1.5x");
        row(table, "setup_state " + setupStateCpus + " CPUs", format(setupStateMs, "ms"), "<= 200 ms");
        row(table, "trace overhead", format(traceOverheadRatio, "x"), "<= 1.3x");
        String how = startup.launcher() ? "" : " (java -cp, no launcher: no class-data archive)";
        row(table, "start-up java -version", format(startup.javaVersionMs(), "ms"), "(floor)" + how);
        row(table, "start-up states", format(startup.statesMs(), "ms") + format(startup.statesRatio(), "x"),
                "<= " + (int) STATES_TARGET + "x java -version");
        row(table, "start-up boot --cpus 4", format(startup.bootMs(), "ms") + format(startup.bootRatio(), "x"),
                "<= " + (int) BOOT_TARGET + "x java -version");
        row(table, "explore sweeps, " + sweep.scenarios() + " scenarios", format(sweep.wallMs(), "ms") + format(sweep.scenariosPerSecond(), "/s"),
                "(in this JVM, no random sequences)");
        if (sweep.exploreProcessMs() >= 0) {
            row(table, "explore (process, default)", format(sweep.exploreProcessMs(), "ms") + format(exploreBootRatio(), "x"),
                    "<= 4x boot --cpus 4");
        }
        return table.toString();
    }

    /** Returns the per-CPU boot cost of the largest machine over that of the smallest. */
    public double perCpuGrowth() {
        return boot.getLast().microsPerCpu() / boot.getFirst().microsPerCpu();
    }

    private static void row(StringBuilder table, String name, String measured, String target) {
        table.append(String.format(Locale.ROOT, "%-32s %-22s %s", name, measured, target).stripTrailing()).append('\n');
    }

    private static String format(double value, String unit) {
        return String.format(Locale.ROOT, "%10.2f %-3s", value, unit);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
