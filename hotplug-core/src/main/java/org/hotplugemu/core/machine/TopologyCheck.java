package org.hotplugemu.core.machine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * Checks the topology an architecture backend describes before anything uses it: one entry per
 * possible CPU, in logical order, with no hardware ID or (package, core, thread) given twice.
 */
final class TopologyCheck {
    private TopologyCheck() {
    }

    /** @throws HotplugException EINVAL listing every problem, naming the backend */
    static void check(String architecture, int cpus, List<CpuTopology> topology) {
        List<String> problems = new ArrayList<>();
        if (topology == null || topology.isEmpty()) {
            problems.add("it describes no CPU at all, but the machine has " + cpus);
        } else {
            if (topology.size() != cpus) {
                problems.add("it describes " + topology.size() + " CPU" + (topology.size() == 1 ? "" : "s")
                        + " but the machine has " + cpus + " (--cpus)");
            }
            Map<Long, Integer> hardwareIds = new HashMap<>();
            Map<List<Integer>, Integer> places = new HashMap<>();
            for (int i = 0; i < topology.size(); i++) {
                CpuTopology cpu = topology.get(i);
                if (cpu == null) {
                    problems.add("entry " + i + " is null");
                    continue;
                }
                if (cpu.cpu() != i) {
                    problems.add("entry " + i + " says it is CPU " + cpu.cpu() + " (entries must be in logical CPU order)");
                }
                Integer sameId = hardwareIds.putIfAbsent(cpu.hardwareId(), i);
                if (sameId != null) {
                    problems.add("CPUs " + sameId + " and " + i + " have the same hardware ID 0x" + Long.toHexString(cpu.hardwareId()));
                }
                Integer samePlace = places.putIfAbsent(List.of(cpu.packageId(), cpu.coreId(), cpu.threadId()), i);
                if (samePlace != null) {
                    problems.add("CPUs " + samePlace + " and " + i + " are both package " + cpu.packageId() + ", core "
                            + cpu.coreId() + ", thread " + cpu.threadId());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new HotplugException(Errno.EINVAL, "architecture " + architecture + " has a broken CPU topology: "
                    + String.join("; ", problems) + " (a bug in the backend: report it to its author)");
        }
    }
}
