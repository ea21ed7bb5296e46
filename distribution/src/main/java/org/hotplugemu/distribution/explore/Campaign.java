package org.hotplugemu.distribution.explore;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.sysdev.HandlerRegistry;
import org.hotplugemu.core.sysdev.HotplugOperation;
import org.hotplugemu.core.sysdev.HotplugPhase;

/**
 * {@code hotplug-emu explore}: the systematic fault sweep (every hotpluggable CPU, every state with
 * a callback, up and down), the same failures under suspend's freeze (down) and thaw (up) of the secondary CPUs,
 * the system device sweep (every hot-add and hot-remove handler failing, on every hotpluggable CPU
 * but the boot CPU), the registration sweep (every dynamic-state setup and instance add of
 * every driver failing on each CPU in turn), then random operation sequences under load, one per
 * seed. Each failure is shrunk into a reproducer. Scenario {@code i} of the campaign belongs to
 * shard {@code i mod N}, so shards of the same options split it without overlap.
 */
public final class Campaign {
    /**
     * @param seeds random sequences to run, with seeds 1..seeds
     * @param operations operations per sequence
     * @param shard this shard, 1-based
     * @param shards how many shards
     * @param only run only the scenario with this id
     */
    public record Options(int seeds, int operations, int shard, int shards, Optional<String> only) {
        public Options {
            requireNonNull(only, "only is null");
        }
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
        int passed = 0;
        List<Finding> failed = new ArrayList<>();
        Map<String, Map<String, Integer>> rollbacks = new TreeMap<>();
        Map<String, Integer> phases = new LinkedHashMap<>();
        Machine machine = null;
        try {
            for (int i = 0; i < mine.size(); i++) {
                Object scenario = mine.get(i);
                phases.merge(phase(scenario), 1, Integer::sum);
                List<Problem> problems;
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
                    if (!outcome.path().isEmpty()) {
                        rollbacks.computeIfAbsent(stateKey(scenario), key -> new TreeMap<>()).merge(outcome.path(), 1, Integer::sum);
                    }
                    if (!outcome.clean()) {
                        machine.close();
                        machine = null;
                    }
                }
                if (problems.isEmpty()) {
                    passed++;
                } else {
                    failed.add(new Reproducers(source, seed, sequenceExtra).shrink(scenario, problems));
                }
                done.accept(i + 1);
            }
        } finally {
            if (machine != null) {
                machine.close();
            }
        }
        List<String> shards = options.shards() == 1 ? List.of() : List.of(options.shard() + "/" + options.shards());
        return new ExploreReport(mine.size(), passed, failed, rollbacks, phases, shards);
    }

    /** Every scenario of the campaign, in order, before sharding. */
    List<Object> plan() {
        List<Object> plan = new ArrayList<>();
        List<Integer> hotpluggable;
        int keep;
        try (Machine machine = source.boot(source.cpus(), seed, "")) {
            hotpluggable = Cpus.hotpluggable(machine);
            // As torture: the load thread lives on a CPU that cannot go offline, or else on the last hotpluggable one.
            int fixed = -1;
            for (int cpu = 0; cpu < machine.cpus() && fixed < 0; cpu++) {
                fixed = hotpluggable.contains(cpu) ? -1 : cpu;
            }
            keep = fixed >= 0 ? fixed : hotpluggable.isEmpty() ? 0 : hotpluggable.get(hotpluggable.size() - 1);
        }
        List<Object> faults = SweepPlan.faults(source, seed, hotpluggable);
        plan.addAll(faults);
        plan.addAll(suspends(faults));
        Map<String, RegistrationRecorder> recorders = new LinkedHashMap<>();
        try (Machine machine = source.boot(source.cpus(), seed, "", driver -> record(driver, recorders))) {
            java.util.BitSet online = Cpus.parseList(machine.read(Cpus.CPU + "online"));
            recorders.forEach((driver, recorder) -> {
                for (RegistrationRecorder.Call call : recorder.calls()) {
                    for (int cpu = online.nextSetBit(0); cpu >= 0; cpu = online.nextSetBit(cpu + 1)) {
                        plan.add(new RegistrationScenario(driver, call.index, call.kind, call.name, cpu));
                    }
                }
            });
        }
        plan.addAll(sysdev(hotpluggable));
        for (long sequence = 1; sequence <= options.seeds(); sequence++) {
            plan.add(SequenceScenario.generate(sequence, options.operations(), hotpluggable, keep, List.of(), hotpluggable.size() > 1));
        }
        return plan;
    }

    /**
     * Suspend's freeze of the secondary CPUs failing on each CPU at each state a plain offline of it
     * can fail at (the CPUs frozen before it stay down until the thaw brings them back), then the
     * thaw failing on each CPU at each state a plain online can fail at. The boot CPU is never frozen.
     */
    private static List<SuspendScenario> suspends(List<Object> faults) {
        List<SuspendScenario> freezes = new ArrayList<>();
        List<SuspendScenario> thaws = new ArrayList<>();
        for (Object scenario : faults) {
            if (scenario instanceof FaultScenario fault && fault.cpu() != 0) {
                if (fault.up()) {
                    thaws.add(new ThawScenario(fault.cpu(), fault.state(), fault.stateName()));
                } else {
                    freezes.add(new FreezeScenario(fault.cpu(), fault.state(), fault.stateName()));
                }
            }
        }
        freezes.addAll(thaws);
        return freezes;
    }

    /** Every handler of every phase of a hot-add and a hot-remove, failing in turn, on every hotpluggable CPU but the boot CPU. */
    private List<SysdevScenario> sysdev(List<Integer> hotpluggable) {
        List<SysdevScenario> scenarios = new ArrayList<>();
        if (hotpluggable.stream().allMatch(cpu -> cpu == 0)) {
            return scenarios;
        }
        try (Machine machine = source.boot(source.cpus(), seed, "")) {
            if (!machine.exists(Cpus.SYSDEV + "fail_handler")) {
                return scenarios;
            }
            for (int cpu : hotpluggable) {
                if (cpu == 0) {
                    continue;
                }
                for (HotplugOperation operation : HotplugOperation.values()) {
                    for (HotplugPhase phase : HotplugPhase.values()) {
                        for (HandlerRegistry.Entry entry : machine.systemDevices().handlers().handlers(operation, phase)) {
                            scenarios.add(new SysdevScenario(cpu, operation, phase, entry.name()));
                        }
                    }
                }
            }
        }
        return scenarios;
    }

    private static HotplugDriver record(HotplugDriver driver, Map<String, RegistrationRecorder> recorders) {
        RegistrationRecorder recorder = new RegistrationRecorder(-1, -1);
        recorders.put(driver.name(), recorder);
        return new InterceptingDriver(driver, recorder);
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
