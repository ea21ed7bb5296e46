package org.hotplugemu.tracing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Latency of finished spans grouped by label and category (e.g. a state and a direction), in
 * virtual nanoseconds: count, min, median, 99th percentile, max and total. Groups keep the order
 * in which their first span started. Percentiles use the nearest-rank method.
 *
 * <p>Experimental.
 */
public final class LatencyStats {
    private final List<Entry> entries;

    /** One group's statistics. */
    public record Entry(String label, String category, int count, long minNs, long medianNs, long p99Ns,
            long maxNs, long totalNs, int failures) {
    }

    private LatencyStats(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Computes the statistics of the finished spans among {@code spans}. */
    static LatencyStats of(List<Span> spans) {
        Map<List<String>, List<Span>> groups = new LinkedHashMap<>();
        for (Span span : spans) {
            if (span.finished()) {
                groups.computeIfAbsent(List.of(span.label(), span.category()), key -> new ArrayList<>()).add(span);
            }
        }
        List<Entry> entries = new ArrayList<>();
        groups.forEach((key, group) -> {
            long[] durations = group.stream().mapToLong(Span::durationNs).sorted().toArray();
            long total = 0;
            for (long duration : durations) {
                total += duration;
            }
            int failures = (int) group.stream().filter(Span::failed).count();
            entries.add(new Entry(key.get(0), key.get(1), durations.length, durations[0],
                    rank(durations, 0.50), rank(durations, 0.99), durations[durations.length - 1], total, failures));
        });
        return new LatencyStats(entries);
    }

    private static long rank(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Returns every group in order of first appearance. */
    public List<Entry> entries() {
        return entries;
    }

    /** Returns the group of {@code label} and {@code category}, if any span of it finished. */
    public Optional<Entry> get(String label, String category) {
        return entries.stream().filter(e -> e.label().equals(label) && e.category().equals(category)).findFirst();
    }
}
