package org.hotplugemu.tracing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@link TraceRules} to records in time order: pairs begins and ends per task, collects
 * state changes, and tells for each record which span it opened or closed.
 */
final class SpanAnalysis {
    /** A state change at a time. */
    record TimedState(long timeNs, TraceRules.StateChange change) {
    }

    private final List<TraceRecord> records;
    private final List<Span> spans = new ArrayList<>();
    /** For each span (same index as {@link #spans}): the index of the record that opened it. */
    private final List<Integer> beginRecords = new ArrayList<>();
    /** For each span: the index of the record that closed it, or the record count when unfinished. */
    private final List<Integer> endRecords = new ArrayList<>();
    private final Map<Span, Integer> slots = new java.util.IdentityHashMap<>();
    private final Span[] begun;
    private final Span[] ended;
    private final List<TimedState> states = new ArrayList<>();
    private final Set<String> tracks = new LinkedHashSet<>();

    SpanAnalysis(List<TraceRecord> records, List<TraceRules> rules, int nrCpus) {
        this.records = records;
        this.begun = new Span[records.size()];
        this.ended = new Span[records.size()];
        for (TraceRules rule : rules) {
            tracks.addAll(rule.initialTracks(nrCpus));
        }
        long lastTime = records.isEmpty() ? 0 : records.get(records.size() - 1).timestampNs();
        Map<Integer, Deque<Open>> open = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            TraceRecord record = records.get(i);
            for (TraceRules rule : rules) {
                if (rule.isEnd(record)) {
                    Deque<Open> stack = open.get(record.pid());
                    if (stack != null && !stack.isEmpty()) {
                        Open start = stack.pop();
                        ended[i] = close(start, i, record.timestampNs(), true, rule.error(record));
                    }
                    break;
                }
            }
            for (TraceRules rule : rules) {
                Optional<TraceRules.SpanStart> start = rule.onBegin(record);
                if (start.isPresent()) {
                    Deque<Open> stack = open.computeIfAbsent(record.pid(), pid -> new ArrayDeque<>());
                    Open opened = new Open(start.get(), record, i, stack.size(), spans.size());
                    spans.add(null); // placeholder keeps spans in start order
                    beginRecords.add(i);
                    endRecords.add(records.size());
                    start.get().track().ifPresent(tracks::add);
                    stack.push(opened);
                    break;
                }
            }
            for (TraceRules rule : rules) {
                Optional<TraceRules.StateChange> change = rule.stateChange(record);
                if (change.isPresent()) {
                    states.add(new TimedState(record.timestampNs(), change.get()));
                    tracks.add(change.get().track());
                    break;
                }
            }
        }
        List<Integer> pids = new ArrayList<>(open.keySet());
        pids.sort(null);
        for (int pid : pids) {
            for (Open start : open.get(pid)) {
                close(start, records.size(), lastTime, false, Optional.empty());
            }
        }
    }

    /** A span begun and not yet ended. */
    private record Open(TraceRules.SpanStart start, TraceRecord record, int recordIndex, int depth, int slot) {
    }

    private Span close(Open open, int endRecord, long endNs, boolean finished, Optional<String> error) {
        TraceRecord begin = open.record();
        Span span = new Span(open.start().label(), open.start().category(), open.start().track(), begin.comm(),
                begin.pid(), begin.cpu(), begin.timestampNs(), endNs, finished, error, open.depth());
        spans.set(open.slot(), span);
        endRecords.set(open.slot(), endRecord);
        slots.put(span, open.slot());
        begun[open.recordIndex()] = span;
        return span;
    }

    List<TraceRecord> records() {
        return records;
    }

    /** Returns every span in start order. */
    List<Span> spans() {
        return spans;
    }

    /** Returns the span the record at {@code index} opened, or null. */
    Span begun(int index) {
        return begun[index];
    }

    /** Returns the span the record at {@code index} closed, or null. */
    Span ended(int index) {
        return ended[index];
    }

    /** Returns the index of the record that opened the span at {@code slot} of {@link #spans()}. */
    int beginRecord(int slot) {
        return beginRecords.get(slot);
    }

    /** Returns the index of the record that closed the span at {@code slot}, or the record count if unfinished. */
    int endRecord(int slot) {
        return endRecords.get(slot);
    }

    /**
     * Returns the positions in {@link #spans()} of the rollback the failed span at {@code slot} caused:
     * on its track, skipping the spans of its own category that its operation ran before it ended
     * (the steps undone), the next unbroken run of spans in other categories. A failed step
     * ({@code down}) is undone by the opposite walk ({@code up}); the run ends at the next span of the
     * failed span's category. Empty when the span did not fail, has no track, or nothing was undone.
     */
    List<Integer> rollback(int slot) {
        Span failed = spans.get(slot);
        if (!failed.failed() || failed.track().isEmpty()) {
            return List.of();
        }
        List<Integer> run = new ArrayList<>();
        int failedEnd = endRecords.get(slot);
        for (int k = slot + 1; k < spans.size(); k++) {
            Span next = spans.get(k);
            if (!next.track().equals(failed.track())) {
                continue;
            }
            boolean sameCategory = next.category().equals(failed.category());
            if (sameCategory && run.isEmpty() && beginRecords.get(k) < failedEnd) {
                continue; // part of the failed operation itself
            }
            if (sameCategory) {
                break;
            }
            run.add(k);
        }
        return run;
    }

    /** Returns the position of {@code span} in {@link #spans()}. */
    int slotOf(Span span) {
        Integer slot = slots.get(span);
        if (slot == null) {
            throw new IllegalArgumentException("span not from this analysis: " + span);
        }
        return slot;
    }

    List<TimedState> states() {
        return states;
    }

    /** Returns every state track: the rules' initial ones, then others in order of first mention. */
    List<String> tracks() {
        return List.copyOf(tracks);
    }
}
