package org.hotplugemu.distribution.explore;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;

/**
 * {@code hotplug-emu explore}: the systematic fault sweep (every hotpluggable CPU, every state with
 * a callback, up and down), the same failures under suspend's freeze (down) and thaw (up) of the secondary CPUs,
 * the system device sweep (every hot-add and hot-remove handler failing, on every hotpluggable CPU
 * but the boot CPU), the registration sweep (every dynamic-state setup and instance add of
 * every driver failing on each CPU in turn), then random operation sequences under load, one per
 * seed. Each failure is shrunk into a reproducer. Scenario {@code i} of the campaign belongs to
 * shard {@code i mod N}, so shards of the same options split it without overlap.
 *
 * <p>A shard's scenarios fall into runs that each start on a freshly booted machine (see
 * {@link #runs}); the runs go to {@code jobs} workers in parallel, and the results are added up in
 * campaign order, so the report is the same whatever the number of workers and their timing.
 */
public final class Campaign {
    /**
     * @param seeds random sequences to run, with seeds 1..seeds
     * @param operations operations per sequence
     * @param shard this shard, 1-based
     * @param shards how many shards
     * @param only run only the scenario with this id
     * @param jobs how many runs go on at once, each on machines of its own
     */
    public record Options(int seeds, int operations, int shard, int shards, Optional<String> only, int jobs) {
        public Options {
            requireNonNull(only, "only is null");
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
            }
        }

        /** Options that run one scenario at a time. */
        public Options(int seeds, int operations, int shard, int shards, Optional<String> only) {
            this(seeds, operations, shard, shards, only, 1);
        }
    }

    /** What one scenario found, kept at its place until the report adds the results up in campaign order. */
    private record Result(String path, Finding finding) {
    }

    /**
     * Two jobs per processor: a job's worker thread and its machine's emulated threads take turns, so
     * one job keeps a core busy only part of the time (measured on 2 cores: 3 or 4 jobs about a
     * twentieth faster than 2, 6 or 8 slower again; since explore reads its checks from one shell,
     * 2, 3 and 4 measure the same within the machine's noise).
     */
    public static int defaultJobs() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    private final MachineSource source;
    private final Options options;
    private final long seed;
    private final String sequenceExtra;

    /** A campaign on machines from {@code source}; the sweeps use engine seed {@code seed}. */
    public Campaign(MachineSource source, long seed, Options options) {
        this.source = requireNonNull(source, "source is null");
        this.options = requireNonNull(options, "options is null");
        this.seed = seed;
        // Sequences explore interleavings only when the engine seed moves timing: jitter unless the user chose.
        this.sequenceExtra = source.commandLine().contains("emu.sched=") ? "" : "emu.sched=jitter";
    }

    /** Runs this shard; {@code progress} receives the shard's scenario count and returns what gets the count done. */
    public ExploreReport run(IntFunction<IntConsumer> progress) {
        List<Object> plan = plan();
        List<Object> mine = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Object scenario = plan.get(i);
            if (i % options.shards() == options.shard() - 1 && options.only().map(id -> id.equals(id(scenario))).orElse(true)) {
                mine.add(scenario);
            }
        }
        IntConsumer done = progress.apply(mine.size());
        AtomicInteger finished = new AtomicInteger();
        IntConsumer counted = scenarios -> {
            synchronized (done) {
                done.accept(finished.addAndGet(scenarios));
            }
        };
        Result[] results = new Result[mine.size()];
        List<int[]> runs = runs(mine);
        Workers.run(options.jobs(), runs.size(), run -> run(mine, runs.get(run)[0], runs.get(run)[1], results, counted));
        int passed = 0;
        List<Finding> failed = new ArrayList<>();
        Map<String, Map<String, Integer>> rollbacks = new TreeMap<>();
        Map<String, Integer> phases = new LinkedHashMap<>();
        for (int i = 0; i < mine.size(); i++) {
            Object scenario = mine.get(i);
            Result result = results[i];
            phases.merge(phase(scenario), 1, Integer::sum);
            if (!result.path().isEmpty()) {
                rollbacks.computeIfAbsent(stateKey(scenario), key -> new TreeMap<>()).merge(result.path(), 1, Integer::sum);
            }
            if (result.finding() == null) {
                passed++;
            } else {
                failed.add(result.finding());
            }
        }
        List<String> shards = options.shards() == 1 ? List.of() : List.of(options.shard() + "/" + options.shards());
        return new ExploreReport(mine.size(), passed, failed, rollbacks, phases, shards);
    }

    /**
     * Splits the scenarios into runs of {@code [from, to)}: the consecutive sweep points of one kind on
     * one CPU, and the registration points, share a machine while they leave it clean,
     * as a developer would script them; every sequence starts on a machine of its own. A run depends
     * only on the scenarios in it, never on which worker ran what before.
     */
    private static List<int[]> runs(List<Object> scenarios) {
        List<int[]> runs = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= scenarios.size(); i++) {
            String key = i < scenarios.size() ? machineKey(scenarios.get(i)) : null;
            if (key == null || !key.equals(machineKey(scenarios.get(i - 1)))) {
                runs.add(new int[] {from, i});
                from = i;
            }
        }
        return runs;
    }

    /** Which scenarios may share a machine, one after another: the same kind on the same CPU, or the registrations; null for those that never do. */
    private static String machineKey(Object scenario) {
        return switch (scenario) {
            case FaultScenario fault -> "fault cpu" + fault.cpu();
            case SuspendScenario suspend -> suspend.getClass().getSimpleName() + " cpu" + suspend.cpu();
            case SysdevScenario sysdev -> "sysdev cpu" + sysdev.cpu();
            case RegistrationScenario registration -> "register";
            default -> null;
        };
    }

    /** Runs {@code scenarios[from, to)}, reusing one booted machine while the scenarios leave it clean. */
    private void run(List<Object> scenarios, int from, int to, Result[] results, IntConsumer counted) {
        Machine machine = null;
        try {
            for (int i = from; i < to; i++) {
                Object scenario = scenarios.get(i);
                List<Problem> problems;
                String path = "";
                if (scenario instanceof SequenceScenario sequence) {
                    problems = runSequence(sequence, source.cpus());
                } else if (scenario instanceof SweepPlan.CycleFailure cycle) {
                    problems = List.of(cycle.problem());
                } else {
                    if (machine == null) {
                        machine = source.boot(source.cpus(), seed, "");
                    }
                    // A reused machine's log only grows, and every scenario reads it afresh: start each one empty.
                    machine.clearKernelLog();
                    FaultScenario.Outcome outcome = switch (scenario) {
                        case FaultScenario fault -> fault.run(machine, fault.cpu());
                        case SysdevScenario sysdev -> sysdev.run(machine, sysdev.cpu());
                        case SuspendScenario suspend -> suspend.run(machine, suspend.cpu());
                        default -> ((RegistrationScenario) scenario).run(machine, source);
                    };
                    problems = outcome.problems();
                    path = outcome.path();
                    if (!outcome.clean()) {
                        machine.close();
                        machine = null;
                    }
                }
                Finding finding = problems.isEmpty() ? null : new Reproducers(source, seed, sequenceExtra).shrink(scenario, problems);
                results[i] = new Result(path, finding);
                counted.accept(1);
            }
        } finally {
            if (machine != null) {
                machine.close();
            }
        }
    }

    /** Every scenario of the campaign, in order, before sharding. */
    List<Object> plan() {
        return CampaignPlan.of(source, seed, options.seeds(), options.operations(), options.jobs());
    }

    private List<Problem> runSequence(SequenceScenario sequence, int cpus) {
        try (Machine machine = source.boot(cpus, sequence.seed(), sequenceExtra)) {
            return sequence.run(machine);
        } catch (HotplugException e) {
            return List.of(Problem.of(e));
        }
    }

    static String id(Object scenario) {
        return switch (scenario) {
            case FaultScenario fault -> fault.id();
            case RegistrationScenario registration -> registration.id();
            case SequenceScenario sequence -> sequence.id();
            case SweepPlan.CycleFailure cycle -> cycle.id();
            case SysdevScenario sysdev -> sysdev.id();
            case SuspendScenario suspend -> suspend.id();
            default -> throw new IllegalArgumentException(String.valueOf(scenario));
        };
    }

    private static String phase(Object scenario) {
        return scenario instanceof FaultScenario || scenario instanceof SweepPlan.CycleFailure ? "faults"
                : scenario instanceof RegistrationScenario ? "registrations" : scenario instanceof SysdevScenario ? "hotplug"
                : scenario instanceof SuspendScenario ? "suspend" : "sequences";
    }

    private static String stateKey(Object scenario) {
        if (scenario instanceof FaultScenario fault) {
            return String.format("%3d %s", fault.state(), fault.stateName());
        }
        if (scenario instanceof SuspendScenario suspend) {
            return String.format("%3d %s", suspend.state(), suspend.stateName());
        }
        if (scenario instanceof SysdevScenario sysdev) {
            return sysdev.key();
        }
        RegistrationScenario registration = (RegistrationScenario) scenario;
        return registration.driver() + ": " + registration.name();
    }
}
