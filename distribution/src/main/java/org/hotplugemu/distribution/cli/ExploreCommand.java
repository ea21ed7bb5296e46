package org.hotplugemu.distribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.core.driver.MachineDrivers;
import org.hotplugemu.distribution.explore.Campaign;
import org.hotplugemu.distribution.explore.ExploreReport;
import org.hotplugemu.distribution.explore.MachineSource;
import org.hotplugemu.distribution.plugin.PluginRegistry;
import org.hotplugemu.distribution.progress.ProgressBar;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.distribution.wiring.MachineSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code explore}: the systematic fault sweep, the registration sweep and random sequences, each failure shrunk. */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fail every hotplug step of every hotpluggable CPU, up and down, and every dynamic-state and instance registration",
            "on each CPU in turn, checking the rollback the kernel promises, consistency and that the machine still works; then run",
            "random operation sequences under load, one per seed. Each failure comes with a shrunk reproducer. Exits 1 on any failure.",
            "Lock checking is on (emu.lockdep=1) unless --cmdline sets emu.lockdep: a lockdep report fails the scenario.",
            "--merge FILE... adds up the --json reports of shards instead."})
final class ExploreCommand extends MachineCommand {
    @Option(names = "--seeds", paramLabel = "N", defaultValue = "20", description = "Random sequences to run, seeds 1..N (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--ops", paramLabel = "N", defaultValue = "40", description = "Operations per random sequence (default: ${DEFAULT-VALUE}).")
    int operations;

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1", description = "Run only shard I of N (scenario k goes to shard k mod N + 1).")
    String shard;

    @Option(names = "--scenario", paramLabel = "ID", description = "Run only the scenario with this id, as a reproducer prints it.")
    String only;

    @Option(names = "--jobs", paramLabel = "N", description = "Parts of the campaign to run at once, each on machines of its own (default:"
            + " two per processor). The report is the same whatever N is.")
    Integer jobs;

    @Option(names = "--merge", description = "Merge the --json reports given as arguments into one report.")
    boolean merge;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "With --merge: the shard reports.")
    List<Path> reports = new ArrayList<>();

    ExploreCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() {
        ExploreReport report = merge ? merged() : explore();
        if (output.json()) {
            streams.out().println(Json.write(report.toJson()));
        } else {
            report.print(streams.out());
        }
        streams.out().flush();
        return report.passedAll() ? 0 : 1;
    }

    private ExploreReport explore() {
        if (!reports.isEmpty()) {
            throw usage("FILE arguments go with --merge only");
        }
        if (seeds < 0 || operations < 1) {
            throw usage("--seeds must be at least 0 and --ops at least 1");
        }
        if (jobs != null && jobs < 1) {
            throw usage("--jobs must be at least 1, not " + jobs);
        }
        int[] split = parseShard(shard);
        machine.enableLockdepUnlessSet();
        MachineSettings settings = machine.settings(plugins);
        PluginRegistry registry = EmulatorAssembly.loadPlugins(settings.pluginDirectories());
        EmulatorAssembly assembly = EmulatorAssembly.assemble(settings, registry);
        List<HotplugDriverProvider> providers = registry.driversFor(settings.architecture());
        // Each machine of the campaign gets drivers of its own, created by the providers.
        MachineSource source = new MachineSource(assembly::machineBuilder,
                () -> MachineDrivers.createEach(providers, settings.architecture()), settings.effectiveCommandLine(),
                settings.cpus(), replayOptions());
        Campaign campaign = new Campaign(source, machine.seed,
                new Campaign.Options(seeds, operations, split[0], split[1], Optional.ofNullable(only),
                        jobs != null ? jobs : Campaign.defaultJobs()));
        IntConsumer[] bar = new IntConsumer[1];
        try {
            return campaign.run(total -> bar[0] = ProgressBar.forTerminal(streams.err(), "exploring", total));
        } finally {
            if (bar[0] != null) {
                ProgressBar.finish(bar[0]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private ExploreReport merged() {
        if (reports.isEmpty()) {
            throw usage("--merge needs the JSON report files to merge");
        }
        ObjectMapper mapper = new ObjectMapper();
        List<ExploreReport> parts = new ArrayList<>();
        for (Path file : reports) {
            try {
                parts.add(ExploreReport.fromJson(mapper.readValue(file.toFile(), Map.class)));
            } catch (IOException | RuntimeException e) {
                throw usage("cannot read " + file + " as an explore --json report: " + e.getMessage());
            }
        }
        return ExploreReport.merge(parts);
    }

    private int[] parseShard(String text) {
        String[] parts = text.split("/");
        try {
            int index = Integer.parseInt(parts[0].strip());
            int count = Integer.parseInt(parts[1].strip());
            if (parts.length == 2 && count >= 1 && index >= 1 && index <= count) {
                return new int[] {index, count};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw usage("--shard takes I/N with 1 <= I <= N, e.g. 2/4; not '" + text + "'");
    }

    private String replayOptions() {
        StringBuilder options = new StringBuilder("--arch " + machine.architecture);
        if (machine.threadsPerCore != 1) {
            options.append(" --smt ").append(machine.threadsPerCore);
        }
        if (machine.profile != null) {
            options.append(" --profile ").append(machine.profile);
        }
        if (machine.engine != MachineOptions.Engine.sim) {
            options.append(" --engine ").append(machine.engine);
        }
        plugins.directories.forEach(directory -> options.append(" --plugins ").append(directory));
        return options.toString();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(new CommandLine(this), message);
    }
}
