package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.hotplugemu.core.machine.Machine;

/**
 * What must hold between operations whatever happened: every CPU at its target, the online and
 * offline lists agreeing with the states, and every driver's per-CPU resources where the invariant
 * checker says (which also reports any acquire or release done twice).
 */
final class Consistency {
    private Consistency() {
    }

    /**
     * Returns the problems found; {@code skip} is a CPU to leave out (one stopped mid-way), or -1.
     * The files are read by one shell process, as a script's {@code cat}s are: a new emulated thread
     * per read cost more than the rest of a scenario.
     */
    static List<Problem> check(Machine machine, int skip) {
        return machine.shell(() -> checkHere(machine, skip));
    }

    private static List<Problem> checkHere(Machine machine, int skip) {
        List<Problem> problems = new ArrayList<>();
        int online = machine.profile().online();
        BitSet onlineMask = Cpus.parseList(machine.read(Cpus.CPU + "online"));
        BitSet offlineMask = Cpus.parseList(machine.read(Cpus.CPU + "offline"));
        for (int cpu = 0; cpu < machine.cpus(); cpu++) {
            if (cpu == skip) {
                continue;
            }
            int state = Cpus.state(machine, cpu);
            int target = Cpus.target(machine, cpu);
            if (state != target) {
                problems.add(new Problem("inconsistent", "CPU " + cpu + " is at state " + state + " but its target is " + target));
            }
            if (state == online && (!onlineMask.get(cpu) || offlineMask.get(cpu))) {
                problems.add(new Problem("inconsistent", "CPU " + cpu + " is online (state " + state + ") but cpu/online lists "
                        + onlineMask + " and cpu/offline " + offlineMask));
            }
            if (state == 0 && (onlineMask.get(cpu) || !offlineMask.get(cpu))) {
                problems.add(new Problem("inconsistent", "CPU " + cpu + " is offline but cpu/online lists " + onlineMask
                        + " and cpu/offline " + offlineMask));
            }
        }
        BitSet present = Cpus.parseList(machine.read(Cpus.CPU + "present"));
        for (int cpu = 0; cpu < machine.cpus(); cpu++) {
            boolean registered = Cpus.registered(machine, cpu);
            if (registered != present.get(cpu)) {
                problems.add(new Problem("half-present", "CPU " + cpu + (registered ? " has cpu" + cpu + "/ but cpu/present is " : " has no cpu" + cpu
                        + "/ but cpu/present is ") + present));
            }
            if (!present.get(cpu) && onlineMask.get(cpu)) {
                problems.add(new Problem("half-present", "CPU " + cpu + " is online but not present (cpu/present " + present + ")"));
            }
        }
        for (String violation : machine.control().checkInvariants()) {
            problems.add(new Problem("invariant", violation));
        }
        return problems;
    }
}
