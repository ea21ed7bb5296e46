package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;

/** After a scenario: the CPU it used comes back online, another CPU still goes down and up, and all is consistent. */
final class StillWorks {
    private StillWorks() {
    }

    /** Adds what did not work to {@code problems}; returns whether every CPU ended online and consistent. */
    static boolean check(Machine machine, int cpu, List<Problem> problems) {
        int online = machine.profile().online();
        try {
            if (Cpus.state(machine, cpu) != online) {
                machine.write(Cpus.onlineFile(cpu), "1\n");
            }
            for (int other : Cpus.hotpluggable(machine)) {
                if (other != cpu && Cpus.state(machine, other) == online) {
                    machine.write(Cpus.onlineFile(other), "0\n");
                    machine.write(Cpus.onlineFile(other), "1\n");
                    break;
                }
            }
        } catch (HotplugException e) {
            problems.add(new Problem("broken-machine", "afterwards the machine no longer works: " + e.getMessage()));
            return false;
        }
        // The reads, as a script's cats, from one shell.
        problems.addAll(machine.shell(() -> {
            List<Problem> found = new ArrayList<>();
            for (int each = 0; each < machine.cpus(); each++) {
                int state = Cpus.state(machine, each);
                if (state != online) {
                    found.add(new Problem("broken-machine", "afterwards CPU " + each + " is at state " + state + ", not online"));
                }
            }
            found.addAll(Consistency.check(machine, -1));
            return found;
        }));
        return problems.isEmpty();
    }
}
