package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;

/**
 * Turns a failed scenario into a {@link Finding} with the smallest reproducer it can confirm on a
 * fresh machine: for a sequence, delta debugging over the operations, then the fewest CPUs (the
 * CPUs used renumbered from 1); for a sweep point, the smallest machine (2 CPUs, CPU 1) that still
 * fails the same way. Every reproducer is replayed before it is reported.
 */
final class Reproducers {
    /** Replays a shrink may spend on one failure. */
    private static final int BUDGET = 60;

    private final MachineSource source;
    private final long seed;
    private final String sequenceExtra;

    Reproducers(MachineSource source, long seed, String sequenceExtra) {
        this.source = source;
        this.seed = seed;
        this.sequenceExtra = sequenceExtra;
    }

    Finding shrink(Object scenario, List<Problem> problems) {
        Problem first = problems.get(0);
        String message = first.message() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        return switch (scenario) {
            case SequenceScenario sequence -> shrinkSequence(sequence, first, message);
            case FaultScenario fault -> shrinkFault(fault, first, message);
            case SweepPlan.CycleFailure cycle -> new Finding(first.kind(), cycle.id(), message, seed, source.cpus(),
                    source.replayCommand(source.cpus(), seed, "", "repro.sh"), cycle.script());
            case SysdevScenario sysdev -> shrinkSysdev(sysdev, first, message);
            case SuspendScenario suspend -> shrinkSuspend(suspend, first, message);
            case RegistrationScenario registration -> new Finding(first.kind(), registration.id(), message, seed, source.cpus(),
                    source.command("explore", source.cpus(), seed, "") + " --seeds 0 --scenario '" + registration.id() + "'",
                    registration.script(first));
            default -> throw new IllegalArgumentException(String.valueOf(scenario));
        };
    }

    private Finding shrinkFault(FaultScenario fault, Problem first, String message) {
        int cpus = source.cpus();
        int cpu = fault.cpu();
        String note = "";
        if (cpus > 2 && cpu != 0 && failsFresh(fault, 2, 1, first.kind())) {
            cpus = 2;
            cpu = 1;
        } else if (!failsFresh(fault, cpus, cpu, first.kind())) {
            note = " [a fresh machine passes: the failure needs the scenarios run before it on the same machine]";
        }
        return new Finding(first.kind(), fault.id(), message + note, seed, cpus,
                source.replayCommand(cpus, seed, "", "repro.sh"), fault.script(cpu));
    }

    private Finding shrinkSysdev(SysdevScenario sysdev, Problem first, String message) {
        int cpus = source.cpus();
        int cpu = sysdev.cpu();
        String note = "";
        if (cpus > 2 && failsFresh(sysdev, 2, 1, first.kind())) {
            cpus = 2;
            cpu = 1;
        } else if (!failsFresh(sysdev, cpus, cpu, first.kind())) {
            note = " [a fresh machine passes: the failure needs the scenarios run before it on the same machine]";
        }
        return new Finding(first.kind(), sysdev.id(), message + note, seed, cpus, source.replayCommand(cpus, seed, "", "repro.sh"), sysdev.script(cpu));
    }

    private Finding shrinkSuspend(SuspendScenario suspend, Problem first, String message) {
        int cpus = source.cpus();
        int cpu = suspend.cpu();
        String note = "";
        if (cpus > 2 && failsFresh(suspend, 2, 1, first.kind())) {
            cpus = 2;
            cpu = 1;
        } else if (!failsFresh(suspend, cpus, cpu, first.kind())) {
            note = " [a fresh machine passes: the failure needs the scenarios run before it on the same machine]";
        }
        return new Finding(first.kind(), suspend.id(), message + note, seed, cpus, source.replayCommand(cpus, seed, "", "repro.sh"), suspend.script(cpu));
    }

    private boolean failsFresh(SuspendScenario suspend, int cpus, int cpu, String kind) {
        try (Machine machine = source.boot(cpus, seed, "")) {
            if (cpu >= machine.cpus() || !Cpus.hotpluggable(machine).contains(cpu)) {
                return false;
            }
            return suspend.run(machine, cpu).problems().stream().anyMatch(problem -> problem.kind().equals(kind));
        } catch (HotplugException e) {
            return false;
        }
    }

    private boolean failsFresh(SysdevScenario sysdev, int cpus, int cpu, String kind) {
        try (Machine machine = source.boot(cpus, seed, "")) {
            return cpu < machine.cpus() && sysdev.run(machine, cpu).problems().stream().anyMatch(problem -> problem.kind().equals(kind));
        } catch (HotplugException e) {
            return false;
        }
    }

    private boolean failsFresh(FaultScenario fault, int cpus, int cpu, String kind) {
        try (Machine machine = source.boot(cpus, seed, "")) {
            if (cpu >= machine.cpus() || !Cpus.hotpluggable(machine).contains(cpu)) {
                return false;
            }
            return fault.run(machine, cpu).problems().stream().anyMatch(problem -> problem.kind().equals(kind));
        } catch (HotplugException e) {
            return false;
        }
    }

    private Finding shrinkSequence(SequenceScenario sequence, Problem first, String message) {
        String kind = first.kind();
        int cpus = source.cpus();
        List<Op> ops = Shrinker.minimise(sequence.ops(), candidate -> fails(sequence.seed(), sequence.keep(), candidate, source.cpus(), kind),
                BUDGET);
        // Fewest CPUs: the load's CPU becomes 0 and the CPUs the writes use 1, 2...
        TreeSet<Integer> used = new TreeSet<>();
        ops.forEach(op -> used.add(op.cpu()));
        List<Op> renumbered = new ArrayList<>();
        List<Integer> order = new ArrayList<>(used);
        ops.forEach(op -> renumbered.add(op.onCpu(order.indexOf(op.cpu()) + 1)));
        int fewer = used.size() + 1;
        int keep = sequence.keep();
        if (fewer < cpus && fails(sequence.seed(), 0, renumbered, fewer, kind)) {
            ops = renumbered;
            cpus = fewer;
            keep = 0;
        }
        SequenceScenario shrunk = new SequenceScenario(sequence.seed(), keep, ops);
        String note = fails(sequence.seed(), keep, ops, cpus, kind) ? "" : " [the shrunk sequence no longer fails alone]";
        return new Finding(kind, sequence.id() + " (" + sequence.ops().size() + " ops, shrunk to " + ops.size() + ")", message + note,
                sequence.seed(), cpus, source.replayCommand(cpus, sequence.seed(), sequenceExtra, "repro.sh"), shrunk.script(cpus));
    }

    private boolean fails(long sequenceSeed, int keep, List<Op> ops, int cpus, String kind) {
        try (Machine machine = source.boot(cpus, sequenceSeed, sequenceExtra)) {
            return new SequenceScenario(sequenceSeed, keep, ops).run(machine).stream().anyMatch(problem -> problem.kind().equals(kind));
        } catch (HotplugException e) {
            return false;
        }
    }
}
