package org.hotplugemu.distribution.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.torture.Torture;

/**
 * A random operation sequence under load, {@code torture_onoff}-style, as a replayable list: the
 * seed picks the operations, seeds the load and seeds the engine. Checked after every operation and,
 * at the end, every work item, timer and callback must have run exactly once.
 */
record SequenceScenario(long seed, int keep, List<Op> ops) {
    static final String LOAD_PERIOD_US = "2000";

    String id() {
        return "sequence seed " + seed;
    }

    /**
     * The seed's sequence: {@code count} writes on the hotpluggable CPUs other than {@code keep};
     * with {@code hotplug}, one in five is an eject or (of a CPU ejected before) an insert, the
     * boot CPU excepted, as QEMU refuses to unplug it.
     */
    static SequenceScenario generate(long seed, int count, List<Integer> cpus, int keep, List<Integer> targets, boolean hotplug) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> usable = cpus.stream().filter(cpu -> cpu != keep).toList();
        List<Op> ops = new ArrayList<>();
        java.util.Set<Integer> ejected = new java.util.HashSet<>();
        for (int i = 0; i < count && !usable.isEmpty(); i++) {
            int cpu = usable.get(random.nextInt(usable.size()));
            if (ejected.contains(cpu)) {
                ops.add(Op.sysdev(cpu, true));
                ejected.remove(cpu);
            } else if (hotplug && cpu != 0 && random.nextInt(5) == 0) {
                ops.add(Op.sysdev(cpu, false));
                ejected.add(cpu);
            } else if (targets.isEmpty() || random.nextInt(3) < 2) {
                ops.add(new Op(cpu, "online", String.valueOf(random.nextInt(2))));
            } else {
                ops.add(new Op(cpu, "hotplug/target", String.valueOf(targets.get(random.nextInt(targets.size())))));
            }
        }
        return new SequenceScenario(seed, keep, ops);
    }

    String loadLine() {
        return "echo \"" + loadValue() + "\" > " + Cpus.DEBUG + "load";
    }

    /** Load seed, period and the CPU of the load thread, which the sequence never takes down. */
    private String loadValue() {
        return (seed == 0 ? 1 : seed) + " " + LOAD_PERIOD_US + " " + keep;
    }

    String script(int cpus) {
        StringBuilder script = new StringBuilder(loadLine()).append('\n');
        for (Op op : ops) {
            script.append(op.line()).append('\n');
        }
        script.append("cat ").append(Cpus.DEBUG).append("invariants\n");
        script.append("echo 0 > ").append(Cpus.DEBUG).append("load\n");
        for (int cpu : ops.stream().map(Op::cpu).distinct().sorted().toList()) {
            if (ops.stream().anyMatch(op -> op.isSysdev() && op.cpu() == cpu)) {
                // An insert of a CPU the guest has is refused in dmesg and changes nothing.
                script.append("echo ").append(cpu).append(" > ").append(Cpus.SYSDEV).append(Op.INSERT).append('\n');
            }
            script.append("echo 1 > ").append(Cpus.onlineFile(cpu)).append('\n');
        }
        script.append("sleep 0.2\n");
        for (String ledger : List.of("workqueue", "timers", "hrtimers", "rcu", "tasklets")) {
            script.append("cat ").append(Cpus.DEBUG).append(ledger).append('\n');
        }
        script.append("cat ").append(Cpus.DEBUG).append("invariants\ndmesg\n");
        return script.toString();
    }

    /** Runs the sequence on a freshly booted machine; returns the first problem, or none. */
    List<Problem> run(Machine machine) {
        List<Problem> problems = new ArrayList<>();
        boolean load = machine.exists(Cpus.DEBUG + "load");
        try {
            if (load) {
                machine.write(Cpus.DEBUG + "load", loadValue() + "\n");
            }
            int logged = machine.dmesg().size();
            for (int i = 0; i < ops.size() && problems.isEmpty(); i++) {
                Op op = ops.get(i);
                try {
                    machine.write(op.path(), op.value() + "\n");
                } catch (HotplugException e) {
                    if (!Problem.isCleanFailure(e)) {
                        problems.add(Problem.of(e));
                    }
                    // A plain errno (EBUSY, EINVAL...) is an answer torture_onoff counts and goes on from.
                }
                List<String> dmesg = machine.dmesg();
                Cpus.splats(dmesg, logged).forEach(line -> problems.add(new Problem(line.contains("WARNING") ? "warning" : "kernel-bug", line)));
                Cpus.lockdep(dmesg, logged).forEach(line -> problems.add(new Problem("lockdep", line)));
                logged = dmesg.size();
                problems.addAll(Consistency.check(machine, -1));
            }
            if (!problems.isEmpty()) {
                return problems;
            }
            if (load) {
                machine.write(Cpus.DEBUG + "load", "0\n");
            }
            for (Op op : ops) {
                if (op.isSysdev() && op.file().equals(Op.EJECT) && !Cpus.registered(machine, op.cpu())) {
                    machine.write(Cpus.SYSDEV + Op.INSERT, op.cpu() + "\n");
                }
            }
            for (int cpu : Cpus.hotpluggable(machine)) {
                machine.write(Cpus.onlineFile(cpu), "1\n");
            }
            machine.sleep(Duration.ofMillis(200));
        } catch (HotplugException e) {
            problems.add(Problem.of(e));
            return problems;
        }
        if (load) {
            List<String> lost = new ArrayList<>();
            Torture.ledgers(machine, lost);
            lost.forEach(line -> problems.add(new Problem("lost-work", line)));
        }
        problems.addAll(Consistency.check(machine, -1));
        return problems;
    }
}
