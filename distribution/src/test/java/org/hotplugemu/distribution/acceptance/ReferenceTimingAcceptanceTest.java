package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13's timing shape: with the profile's cost model, 20 traced offline/online cycles of cpu1
 * give the reference kernel's four most expensive callbacks (mean enter-to-exit time on the same
 * task, as {@code timing-summary.txt} ranks them) and an offline/online ratio within 30% of the
 * reference's (means of run 2, cpuhp events on).
 */
class ReferenceTimingAcceptanceTest {
    private static final Pattern EVENT = Pattern.compile(
            "^\\s*(\\S.*?-\\d+)\\s+\\[\\d+\\]\\s+\\S{5}\\s+(\\d+)\\.(\\d+):\\s+(cpuhp_\\w+):.*?(?:\\((\\w+)\\))?$");
    private static final Pattern TOP = Pattern.compile("^\\s+(?:up|down)\\s+step\\s+\\d+\\s+(\\w+)\\s+mean=([\\d.]+) ms");
    private static final Pattern OP = Pattern.compile("^\\s+(offline|online)\\s*: n=\\d+ .*mean=([\\d.]+)");

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64", "linux-6.1-arm64", "linux-6.12-x86_64", "linux-6.12-arm64"})
    void twentyTracedCyclesHaveTheReferencesExpensiveCallbacksAndRatio(String kernel) {
        String summary = ReferenceTrace.resource(kernel, "timing-summary.txt");
        String run2 = summary.substring(summary.indexOf("run 2"));
        List<String> expectedTop = run2.lines().map(TOP::matcher).filter(Matcher::find).limit(4).map(m -> m.group(1)).toList();
        Map<String, Double> ops = new HashMap<>();
        run2.lines().map(OP::matcher).filter(Matcher::find).forEach(m -> ops.putIfAbsent(m.group(1), Double.parseDouble(m.group(2))));
        double expectedRatio = ops.get("offline") / ops.get("online");

        try (Machine machine = ReferenceKernelAcceptanceTest.boot(kernel, 4, "trace_buf_size=8M")) {
            machine.write("/sys/kernel/tracing/events/cpuhp/enable", "1\n");
            long offline = 0;
            long online = 0;
            for (int cycle = 0; cycle < 20; cycle++) {
                long t0 = machine.nanoTime();
                machine.write("/sys/devices/system/cpu/cpu1/online", "0\n");
                long t1 = machine.nanoTime();
                machine.write("/sys/devices/system/cpu/cpu1/online", "1\n");
                offline += t1 - t0;
                online += machine.nanoTime() - t1;
            }
            List<String> actualTop = meanDurations(machine.tracing().formatText()).entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(4).map(Map.Entry::getKey).toList();
            double ratio = (double) offline / online;

            assertThat(actualTop).as("four most expensive callbacks").containsExactlyInAnyOrderElementsOf(expectedTop);
            assertThat(ratio).as("offline/online ratio (reference %.2f)", expectedRatio).isBetween(expectedRatio * 0.7, expectedRatio * 1.3);
        }
    }

    /** Mean enter-to-exit time per callback symbol, pairing events on the same task. */
    private static Map<String, Double> meanDurations(String trace) {
        Map<String, Deque<Object[]>> open = new HashMap<>();
        Map<String, List<Long>> durations = new HashMap<>();
        for (String line : trace.split("\n")) {
            Matcher m = EVENT.matcher(line);
            if (!m.find()) {
                continue;
            }
            long ns = Long.parseLong(m.group(2)) * 1_000_000_000L + Long.parseLong(m.group(3)) * 1_000L;
            Deque<Object[]> stack = open.computeIfAbsent(m.group(1), k -> new ArrayDeque<>());
            if (!m.group(4).equals("cpuhp_exit")) {
                stack.push(new Object[] {m.group(5), ns});
            } else if (!stack.isEmpty()) {
                Object[] enter = stack.pop();
                durations.computeIfAbsent((String) enter[0], k -> new ArrayList<>()).add(ns - (Long) enter[1]);
            }
        }
        Map<String, Double> means = new HashMap<>();
        durations.forEach((symbol, values) -> means.put(symbol, values.stream().mapToLong(Long::longValue).average().orElse(0)));
        return means;
    }
}
