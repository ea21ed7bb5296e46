package org.hotplugemu.tracing;

import java.util.Optional;

/**
 * One span found by {@link TraceRules}: a labelled interval on one task, nested {@code depth} deep
 * in that task's open spans. An unfinished span (no end recorded) ends at the last record's time.
 *
 * <p>Experimental.
 *
 * @param error the error its end reported, if it failed
 */
public record Span(String label, String category, Optional<String> track, String comm, int pid, int cpu,
        long startNs, long endNs, boolean finished, Optional<String> error, int depth) {

    /** Returns the span's duration in nanoseconds. */
    public long durationNs() {
        return endNs - startNs;
    }

    /** Returns whether the span ended with an error. */
    public boolean failed() {
        return error.isPresent();
    }
}
