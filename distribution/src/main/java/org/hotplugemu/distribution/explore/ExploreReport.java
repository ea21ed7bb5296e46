package org.hotplugemu.distribution.explore;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a campaign (or several shards of one, merged) found: how many scenarios ran and passed, each
 * failure with its reproducer, failures by kind, and which rollback path each state took how often.
 *
 * @param scenarios scenarios run
 * @param passed scenarios that passed
 * @param failed one finding per failed scenario, in campaign order
 * @param rollbacks per state ({@code "199 rcu/tree:online"}), per path ({@code "down: rolled back"}), a count
 * @param phases per phase ({@code faults}, {@code registrations}, {@code sequences}), the scenarios run
 * @param shards which shards this report covers, e.g. {@code ["1/2", "2/2"]}
 */
public record ExploreReport(int scenarios, int passed, List<Finding> failed, Map<String, Map<String, Integer>> rollbacks,
        Map<String, Integer> phases, List<String> shards) {
    public ExploreReport {
        failed = List.copyOf(failed);
        rollbacks = copy(rollbacks);
        phases = new TreeMap<>(phases);
        shards = List.copyOf(shards);
    }

    public boolean passedAll() {
        return failed.isEmpty();
    }

    /** Counts of the failed scenarios by kind, sorted by kind. */
    public Map<String, Integer> failedByKind() {
        Map<String, Integer> kinds = new TreeMap<>();
        failed.forEach(finding -> kinds.merge(finding.kind(), 1, Integer::sum));
        return kinds;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenarios", scenarios);
        json.put("passed", passed);
        json.put("failed", failed.stream().map(Finding::toJson).toList());
        json.put("failedByKind", failedByKind());
        json.put("phases", phases);
        json.put("rollbacks", rollbacks);
        json.put("shards", shards);
        return json;
    }

    /** Reads a report written by {@link #toJson()}. */
    @SuppressWarnings("unchecked")
    public static ExploreReport fromJson(Map<String, Object> json) {
        requireNonNull(json, "json is null");
        List<Finding> failed = new ArrayList<>();
        for (Object finding : (List<Object>) json.get("failed")) {
            failed.add(Finding.fromJson((Map<?, ?>) finding));
        }
        Map<String, Map<String, Integer>> rollbacks = new TreeMap<>();
        ((Map<String, Map<String, Number>>) json.getOrDefault("rollbacks", Map.of())).forEach((state, paths) -> {
            Map<String, Integer> counts = new TreeMap<>();
            paths.forEach((path, count) -> counts.put(path, count.intValue()));
            rollbacks.put(state, counts);
        });
        Map<String, Integer> phases = new TreeMap<>();
        ((Map<String, Number>) json.getOrDefault("phases", Map.of())).forEach((phase, count) -> phases.put(phase, count.intValue()));
        return new ExploreReport(((Number) json.get("scenarios")).intValue(), ((Number) json.get("passed")).intValue(), failed, rollbacks,
                phases, (List<String>) json.getOrDefault("shards", List.of()));
    }

    /** Adds up shard reports into one, as if one campaign had run them all. */
    public static ExploreReport merge(List<ExploreReport> reports) {
        int scenarios = 0;
        int passed = 0;
        List<Finding> failed = new ArrayList<>();
        Map<String, Map<String, Integer>> rollbacks = new TreeMap<>();
        Map<String, Integer> phases = new TreeMap<>();
        List<String> shards = new ArrayList<>();
        for (ExploreReport report : reports) {
            scenarios += report.scenarios;
            passed += report.passed;
            failed.addAll(report.failed);
            report.rollbacks.forEach((state, paths) -> paths.forEach((path, count) ->
                    rollbacks.computeIfAbsent(state, key -> new TreeMap<>()).merge(path, count, Integer::sum)));
            report.phases.forEach((phase, count) -> phases.merge(phase, count, Integer::sum));
            shards.addAll(report.shards);
        }
        return new ExploreReport(scenarios, passed, failed, rollbacks, phases, shards);
    }

    /** The summary table, then each failure with its reproducer. */
    public void print(PrintStream out) {
        out.printf("explore: %d scenarios, %d passed, %d failed%s%n", scenarios, passed, failed.size(),
                shards.isEmpty() ? "" : " (shards " + String.join(", ", shards) + ")");
        phases.forEach((phase, count) -> out.printf("  %-14s %5d scenarios%n", phase, count));
        if (!failed.isEmpty()) {
            out.println("failed by kind:");
            failedByKind().forEach((kind, count) -> out.printf("  %-22s %5d%n", kind, count));
        }
        out.println("rollback paths exercised:");
        out.printf("  %-40s %s%n", "state", "path: count");
        rollbacks.forEach((state, paths) -> {
            List<String> cells = new ArrayList<>();
            paths.forEach((path, count) -> cells.add(path + ": " + count));
            out.printf("  %-40s %s%n", state, String.join(", ", cells));
        });
        for (Finding finding : failed) {
            out.println();
            out.println("FAILED " + finding.kind() + ": " + finding.scenario());
            out.println("  " + finding.message());
            out.println("  replay (seed " + finding.seed() + ", " + finding.cpus() + " CPUs): " + finding.command());
            finding.script().lines().forEach(line -> out.println("    " + line));
        }
        out.println(failed.isEmpty() ? "explore: PASSED" : "explore: FAILED");
    }

    private static Map<String, Map<String, Integer>> copy(Map<String, Map<String, Integer>> rollbacks) {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        rollbacks.forEach((state, paths) -> copy.put(state, new TreeMap<>(paths)));
        return copy;
    }
}
