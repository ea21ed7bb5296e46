package org.hotplugemu.distribution.cli;

import java.util.List;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.distribution.bench.BenchPlan;
import org.hotplugemu.distribution.bench.BenchReport;
import org.hotplugemu.distribution.bench.BenchSuite;
import org.hotplugemu.distribution.bench.ThreadsChild;
import org.hotplugemu.distribution.plugin.PluginRegistry;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.distribution.wiring.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: a short run of the JMH suite on the x86 backend with the stock drivers. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure engine handoffs, offline/online cycles, boots of 64 to 8192 CPUs, setup_state and "
                + "tracing cost (x86, linux-6.1-x86_64, stock drivers) and print them next to their targets.",
                "Takes under a minute; for careful figures run the JMH jar (see the README, Benchmarks)."})
final class BenchCommand extends EmulatorCommand {
    private static final String ARCHITECTURE = "x86";

    @Option(names = "--quick", description = "A seconds-long smoke run: 64 CPUs only, few iterations; rough figures.")
    boolean quick;

    /** Internal: the child JVM that measures the threads engine with the default virtual-thread carriers. */
    @Option(names = "--threads-only", hidden = true)
    boolean threadsOnly;

    BenchCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() {
        PluginRegistry registry = EmulatorAssembly.loadPlugins(List.of());
        if (!registry.problems().isEmpty()) {
            throw new StartupException(registry.problems());
        }
        ArchitectureProvider architecture = registry.architecture(ARCHITECTURE).orElseThrow(() -> new StartupException(
                List.of("bench needs the " + ARCHITECTURE + " architecture, which is not installed; available: "
                        + registry.architectureNames())));
        BenchSuite suite = new BenchSuite(architecture, registry.driversFor(ARCHITECTURE),
                step -> streams.err().println("hotplug-emu bench: " + step));
        BenchPlan plan = quick ? BenchPlan.quick() : BenchPlan.standard();
        if (threadsOnly) {
            streams.out().println(ThreadsChild.format(suite.measureThreads(plan)));
            streams.out().flush();
            return 0;
        }
        // With a single carrier (set by the launcher for sim) the threads engine is measured in a JVM of its own.
        boolean singleCarrier = "1".equals(System.getProperty("jdk.virtualThreadScheduler.parallelism"));
        BenchReport report = singleCarrier ? suite.run(plan, () -> ThreadsChild.measure(quick)) : suite.run(plan);
        if (output.json()) {
            streams.out().println(Json.write(report.toJson()));
        } else {
            streams.out().print(report.toTable());
        }
        streams.out().flush();
        return 0;
    }
}
