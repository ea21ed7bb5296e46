package org.hotplugemu.core.machine;

import java.util.function.IntUnaryOperator;

/** The state every CPU was left in, for the end of a hang report: CPUs with equal state and target share a line. */
final class CpuStates {
    private CpuStates() {
    }

    /**
     * Returns e.g. {@code CPU hotplug states after the hang (cpuhp state/target):} then lines like
     * {@code   CPUs 0-2,4: 236/236} and {@code   CPU 3: 153/0 (not at its target)}.
     */
    static String describe(int cpus, IntUnaryOperator state, IntUnaryOperator target) {
        StringBuilder text = new StringBuilder("CPU hotplug states after the hang (cpuhp state/target):");
        boolean[] done = new boolean[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            if (done[cpu]) {
                continue;
            }
            int s = state.applyAsInt(cpu);
            int t = target.applyAsInt(cpu);
            StringBuilder list = new StringBuilder();
            int count = 0;
            int runStart = -1;
            int previous = -2;
            for (int other = cpu; other < cpus; other++) {
                if (done[other] || state.applyAsInt(other) != s || target.applyAsInt(other) != t) {
                    continue;
                }
                done[other] = true;
                count++;
                if (other != previous + 1) {
                    appendRange(list, runStart, previous);
                    runStart = other;
                }
                previous = other;
            }
            appendRange(list, runStart, previous);
            text.append("\n  CPU").append(count > 1 ? "s " : " ").append(list).append(": ").append(s).append('/').append(t)
                    .append(s == t ? "" : " (not at its target)");
        }
        return text.toString();
    }

    private static void appendRange(StringBuilder list, int first, int last) {
        if (first < 0) {
            return;
        }
        if (!list.isEmpty()) {
            list.append(',');
        }
        list.append(first);
        if (last > first) {
            list.append('-').append(last);
        }
    }
}
