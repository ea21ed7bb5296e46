package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.profile.Profile;

/**
 * Finds the sweep's points the way a kernel developer would: trace one offline and one online of
 * each hotpluggable CPU and take every step whose callback ran ({@code cpuhp_enter} and
 * {@code cpuhp_multi_enter}), leaving out what the kernel refuses to arm: STARTING and DYING
 * states, and PREPARE states while the CPU is up. Each CPU is traced on a machine of its own.
 */
final class SweepPlan {
    private static final Pattern ENTER = Pattern.compile("cpuhp_(?:multi_)?enter: cpu:\\s+(\\d+) target:\\s+\\d+ step:\\s+(\\d+)");
    private static final String EVENTS = "/sys/kernel/tracing/events/cpuhp/enable";
    private static final String TRACE = "/sys/kernel/tracing/trace";

    private SweepPlan() {
    }

    /** A CPU whose plain offline and online, traced, already failed: reported as a scenario of its own. */
    record CycleFailure(int cpu, Problem problem) {
        String id() {
            return "cycle cpu" + cpu;
        }

        String script() {
            return "echo 0 > " + Cpus.onlineFile(cpu) + "\necho 1 > " + Cpus.onlineFile(cpu) + "\ncat " + Cpus.DEBUG + "invariants\ndmesg\n";
        }
    }

    /**
     * Plans the sweep of {@code cpu} on {@code machine}, with every CPU online (the other CPUs stay
     * up meanwhile, and {@code cpu} is back up after): each state whose callback ran, up then down;
     * or, when the traced cycle itself fails, a {@link CycleFailure}.
     */
    static List<Object> plan(Machine machine, int cpu) {
        try {
            return List.copyOf(faults(machine, cpu));
        } catch (HotplugException e) {
            return List.of(new CycleFailure(cpu, Problem.of(e)));
        }
    }

    private static List<FaultScenario> faults(Machine machine, int cpu) {
        Profile profile = machine.profile();
        int logStart = machine.dmesg().size();
        Map<Integer, String> names = Cpus.stateNames(machine);
        List<FaultScenario> scenarios = new ArrayList<>();
        String wasEnabled = machine.read(EVENTS).strip();
        machine.write(EVENTS, "1\n");
        try {
            machine.write(TRACE, "\n");
            machine.write(Cpus.onlineFile(cpu), "0\n");
            TreeSet<Integer> down = steps(machine.read(TRACE), cpu, profile);
            machine.write(TRACE, "\n");
            machine.write(Cpus.onlineFile(cpu), "1\n");
            TreeSet<Integer> up = steps(machine.read(TRACE), cpu, profile);
            // What hotplug/fail accepts depends on where the CPU is (no PREPARE state while it is up).
            down = armable(machine, cpu, down);
            machine.write(Cpus.onlineFile(cpu), "0\n");
            up = armable(machine, cpu, up);
            machine.write(Cpus.onlineFile(cpu), "1\n");
            for (int state : up) {
                scenarios.add(new FaultScenario(cpu, state, names.getOrDefault(state, "unnamed"), true));
            }
            for (int state : down.descendingSet()) {
                scenarios.add(new FaultScenario(cpu, state, names.getOrDefault(state, "unnamed"), false));
            }
        } finally {
            machine.write(EVENTS, (wasEnabled.startsWith("1") ? "1" : "0") + "\n");
            machine.write(TRACE, "\n");
        }
        List<String> log = machine.dmesg();
        List<String> broken = new ArrayList<>(Cpus.lockdep(log, logStart));
        broken.addAll(Cpus.splats(log, logStart));
        if (!broken.isEmpty()) {
            throw new HotplugException(org.hotplugemu.api.kernel.Errno.EIO, "a plain offline and online of CPU " + cpu + " logged " + broken.get(0));
        }
        return scenarios;
    }

    /**
     * Keeps the states {@code hotplug/fail} accepts: a kick of the AP shows in the trace but is no
     * state of its own. One shell writes them all, as a script would.
     */
    private static TreeSet<Integer> armable(Machine machine, int cpu, TreeSet<Integer> states) {
        return machine.shell(() -> armableHere(machine, cpu, states));
    }

    private static TreeSet<Integer> armableHere(Machine machine, int cpu, TreeSet<Integer> states) {
        TreeSet<Integer> armable = new TreeSet<>();
        for (int state : states) {
            try {
                machine.write(Cpus.failFile(cpu), state + "\n");
                machine.write(Cpus.failFile(cpu), "-1\n");
                armable.add(state);
            } catch (HotplugException e) {
                // EINVAL: the kernel would not fail it either.
            }
        }
        return armable;
    }

    private static TreeSet<Integer> steps(String trace, int cpu, Profile profile) {
        TreeSet<Integer> steps = new TreeSet<>();
        Matcher matcher = ENTER.matcher(trace);
        while (matcher.find()) {
            int state = Integer.parseInt(matcher.group(2));
            if (Integer.parseInt(matcher.group(1)) == cpu && !profile.isAtomicState(state)) {
                steps.add(state);
            }
        }
        return steps;
    }
}
