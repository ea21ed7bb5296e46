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
                        ended[i] = close(start, record.timestampNs(), true, rule.error(record));
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
                close(start, lastTime, false, Optional.empty());
            }
        }
    }

    /** A span begun and not yet ended. */
    private record Open(TraceRules.SpanStart start, TraceRecord record, int recordIndex, int depth, int slot) {
    }

    private Span close(Open open, long endNs, boolean finished, Optional<String> error) {
        TraceRecord begin = open.record();
        Span span = new Span(open.start().label(), open.start().category(), open.start().track(), begin.comm(),
                begin.pid(), begin.cpu(), begin.timestampNs(), endNs, finished, error, open.depth());
        spans.set(open.slot(), span);
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

    List<TimedState> states() {
        return states;
    }

    /** Returns every state track: the rules' initial ones, then others in order of first mention. */
    List<String> tracks() {
        return List.copyOf(tracks);
    }
}
