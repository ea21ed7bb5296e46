package org.hotplugemu.tracing;

import java.util.List;
import java.util.Optional;

/**
 * What the formatters need to know about a domain's events without knowing the domain: which
 * records open and close a span (a callback, from enter to exit), which end in an error, and which
 * change the value of a state track drawn in the HTML timeline. Every method defaults to "no".
 *
 * <p>Spans pair per task (pid) as a stack: an end closes the innermost open span of its task.
 * The HTML report links each failed span to the rollback it caused: on the failed span's track, after
 * the spans of its own category that its operation ran before it ended, the next unbroken run of
 * spans in other categories (a failed walk down is undone by a walk up, as kernel/cpu.c does).
 *
 * <p>Experimental.
 */
public interface TraceRules {
    /** Returns the span {@code record} opens, if it opens one. */
    default Optional<SpanStart> onBegin(TraceRecord record) {
        return Optional.empty();
    }

    /** Returns whether {@code record} closes the innermost open span of its task. */
    default boolean isEnd(TraceRecord record) {
        return false;
    }

    /** Returns the error an end record reports (the span failed), if any. */
    default Optional<String> error(TraceRecord end) {
        return Optional.empty();
    }

    /** Returns the state-track change {@code record} causes, if any. */
    default Optional<StateChange> stateChange(TraceRecord record) {
        return Optional.empty();
    }

    /** Returns the tracks that exist on a machine of {@code nrCpus} CPUs before any change, in display order. */
    default List<String> initialTracks(int nrCpus) {
        return List.of();
    }

    /** Where a span begins: its label, its category (e.g. a direction) and the state track it acts on. */
    record SpanStart(String label, String category, Optional<String> track) {
        /** Creates a span start. */
        public SpanStart {
            java.util.Objects.requireNonNull(label, "label is null");
            java.util.Objects.requireNonNull(category, "category is null");
            java.util.Objects.requireNonNull(track, "track is null");
        }
    }

    /** A state track's new value, with a label for people, e.g. track {@code CPU 1}, value 236, label {@code 236}. */
    record StateChange(String track, long value, String label) {
        /** Creates a state change. */
        public StateChange {
            java.util.Objects.requireNonNull(track, "track is null");
            java.util.Objects.requireNonNull(label, "label is null");
        }
    }
}
