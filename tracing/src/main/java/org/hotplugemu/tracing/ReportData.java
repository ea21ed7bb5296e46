package org.hotplugemu.tracing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML report's data as JSON for its script: one lane per task (grouped by the CPU it ran on
 * most), every span with its begin and end events, the rollback each failure caused, the state
 * tracks' changes and the records that are no span's begin or end (instants). Times are virtual
 * nanoseconds since the first record, so that they stay exact as JavaScript numbers.
 *
 * <p>The text escapes {@code <}, {@code >} and {@code &} so that it can sit inside a script element.
 */
final class ReportData {
    private final SpanAnalysis analysis;
    private final int nrCpus;
    private final long startNs;
    /** Lane of each pid, in order of the pid's first record. */
    private final Map<Integer, Integer> laneOfPid = new LinkedHashMap<>();
    private final List<Lane> lanes = new ArrayList<>();

    /** A task's row: its name as ftrace prints it, the CPU it ran on most, how deep its spans nest. */
    private record Lane(String name, int cpu) {
    }

    ReportData(SpanAnalysis analysis, int nrCpus) {
        this.analysis = analysis;
        this.nrCpus = nrCpus;
        List<TraceRecord> records = analysis.records();
        this.startNs = records.isEmpty() ? 0 : records.get(0).timestampNs();
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, Map<Integer, Integer>> cpuCounts = new HashMap<>();
        for (TraceRecord record : records) {
            names.putIfAbsent(record.pid(), record.comm() + "-" + record.pid());
            cpuCounts.computeIfAbsent(record.pid(), pid -> new HashMap<>()).merge(record.cpu(), 1, Integer::sum);
        }
        names.forEach((pid, name) -> {
            laneOfPid.put(pid, lanes.size());
            lanes.add(new Lane(name, busiestCpu(cpuCounts.get(pid))));
        });
    }

    /** The CPU with the most records, the lowest on a tie (order must not depend on hashing). */
    private static int busiestCpu(Map<Integer, Integer> counts) {
        int best = -1;
        int bestCount = -1;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            int cpu = entry.getKey();
            int count = entry.getValue();
            if (count > bestCount || (count == bestCount && cpu < best)) {
                best = cpu;
                bestCount = count;
            }
        }
        return best;
    }

    String json() {
        StringWriter out = new StringWriter(64 * 1024);
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setCharacterEscapes(new ScriptSafeEscapes());
            List<TraceRecord> records = analysis.records();
            long endNs = records.isEmpty() ? 0 : records.get(records.size() - 1).timestampNs();
            json.writeStartObject();
            json.writeNumberField("startNs", startNs);
            json.writeNumberField("durationNs", endNs - startNs);
            json.writeNumberField("cpus", nrCpus);
            writeLanes(json);
            writeTracks(json);
            writeSpans(json);
            writeInstants(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return out.toString();
    }

    private void writeLanes(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("lanes");
        for (Lane lane : lanes) {
            json.writeStartObject();
            json.writeStringField("name", lane.name());
            json.writeNumberField("cpu", lane.cpu());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeTracks(JsonGenerator json) throws IOException {
        Map<String, List<SpanAnalysis.TimedState>> byTrack = new LinkedHashMap<>();
        for (String track : analysis.tracks()) {
            byTrack.put(track, new ArrayList<>());
        }
        for (SpanAnalysis.TimedState state : analysis.states()) {
            byTrack.computeIfAbsent(state.change().track(), track -> new ArrayList<>()).add(state);
        }
        json.writeArrayFieldStart("tracks");
        for (Map.Entry<String, List<SpanAnalysis.TimedState>> track : byTrack.entrySet()) {
            json.writeStartObject();
            json.writeStringField("name", track.getKey());
            json.writeArrayFieldStart("changes");
            for (SpanAnalysis.TimedState state : track.getValue()) {
                json.writeStartArray();
                json.writeNumber(state.timeNs() - startNs);
                json.writeNumber(state.change().value());
                json.writeString(state.change().label());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeSpans(JsonGenerator json) throws IOException {
        List<Span> spans = analysis.spans();
        List<TraceRecord> records = analysis.records();
        Map<Integer, Integer> causes = new HashMap<>();
        List<List<Integer>> rollbacks = new ArrayList<>(spans.size());
        for (int slot = 0; slot < spans.size(); slot++) {
            List<Integer> rollback = analysis.rollback(slot);
            rollbacks.add(rollback);
            for (int undone : rollback) {
                causes.putIfAbsent(undone, slot); // the outermost failure that caused it comes first
            }
        }
        json.writeArrayFieldStart("spans");
        for (int slot = 0; slot < spans.size(); slot++) {
            Span span = spans.get(slot);
            json.writeStartObject();
            json.writeNumberField("lane", laneOfPid.get(span.pid()));
            json.writeStringField("label", span.label());
            json.writeStringField("category", span.category());
            writeOptional(json, "track", span.track());
            json.writeNumberField("cpu", span.cpu());
            json.writeNumberField("start", span.startNs() - startNs);
            json.writeNumberField("end", span.endNs() - startNs);
            json.writeNumberField("depth", span.depth());
            json.writeBooleanField("finished", span.finished());
            writeOptional(json, "error", span.error());
            json.writeStringField("beginEvent", records.get(analysis.beginRecord(slot)).eventText());
            int end = analysis.endRecord(slot);
            if (end < records.size()) {
                json.writeStringField("endEvent", records.get(end).eventText());
            }
            if (!rollbacks.get(slot).isEmpty()) {
                json.writeArrayFieldStart("rollback");
                for (int undone : rollbacks.get(slot)) {
                    json.writeNumber(undone);
                }
                json.writeEndArray();
            }
            if (causes.containsKey(slot)) {
                json.writeNumberField("cause", causes.get(slot));
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeInstants(JsonGenerator json) throws IOException {
        List<TraceRecord> records = analysis.records();
        json.writeArrayFieldStart("instants");
        for (int i = 0; i < records.size(); i++) {
            if (analysis.begun(i) == null && analysis.ended(i) == null) {
                TraceRecord record = records.get(i);
                json.writeStartObject();
                json.writeNumberField("lane", laneOfPid.get(record.pid()));
                json.writeNumberField("time", record.timestampNs() - startNs);
                json.writeNumberField("cpu", record.cpu());
                json.writeStringField("text", record.eventText());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    private static void writeOptional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    /** Escapes the characters that could end a script element or break an XML parse of the page. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
