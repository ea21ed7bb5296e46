package org.hotplugemu.tracing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Chrome trace-event JSON that Perfetto UI and chrome://tracing open: one track per
 * emulated task, a begin/end slice per span, instants for other records and a counter per state track.
 */
final class ChromeTrace {
    private static final int PROCESS = 1;

    private ChromeTrace() {
    }

    static void write(Writer writer, SpanAnalysis analysis) throws IOException {
        List<TraceRecord> records = analysis.records();
        try (JsonGenerator json = new JsonFactory().createGenerator(writer)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("displayTimeUnit", "ns");
            json.writeArrayFieldStart("traceEvents");
            metadata(json, records);
            Map<Integer, Deque<Span>> open = new TreeMap<>();
            int stateIndex = 0;
            List<SpanAnalysis.TimedState> states = analysis.states();
            for (int i = 0; i < records.size(); i++) {
                TraceRecord record = records.get(i);
                Span ended = analysis.ended(i);
                Span begun = analysis.begun(i);
                if (ended != null) {
                    open.get(record.pid()).pop();
                    end(json, ended, record.timestampNs(), record);
                }
                if (begun != null) {
                    open.computeIfAbsent(record.pid(), pid -> new ArrayDeque<>()).push(begun);
                    begin(json, begun, record);
                }
                if (ended == null && begun == null) {
                    instant(json, record);
                }
                while (stateIndex < states.size() && states.get(stateIndex).timeNs() <= record.timestampNs()) {
                    counter(json, states.get(stateIndex++));
                }
            }
            long last = records.isEmpty() ? 0 : records.get(records.size() - 1).timestampNs();
            for (Deque<Span> stack : open.values()) {
                while (!stack.isEmpty()) {
                    end(json, stack.pop(), last, null);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void metadata(JsonGenerator json, List<TraceRecord> records) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", "process_name");
        json.writeStringField("ph", "M");
        json.writeNumberField("pid", PROCESS);
        json.writeObjectFieldStart("args");
        json.writeStringField("name", "emulated machine");
        json.writeEndObject();
        json.writeEndObject();
        Map<Integer, String> names = new LinkedHashMap<>();
        for (TraceRecord record : records) {
            names.putIfAbsent(record.pid(), record.comm() + "-" + record.pid());
        }
        for (Map.Entry<Integer, String> thread : names.entrySet()) {
            json.writeStartObject();
            json.writeStringField("name", "thread_name");
            json.writeStringField("ph", "M");
            json.writeNumberField("pid", PROCESS);
            json.writeNumberField("tid", thread.getKey());
            json.writeObjectFieldStart("args");
            json.writeStringField("name", thread.getValue());
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private static void common(JsonGenerator json, String name, String phase, long timeNs, int pid)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("ph", phase);
        // trace-event timestamps are microseconds; keep the nanoseconds as the fraction
        json.writeNumberField("ts", timeNs / 1000.0);
        json.writeNumberField("pid", PROCESS);
        json.writeNumberField("tid", pid);
    }

    private static void begin(JsonGenerator json, Span span, TraceRecord record) throws IOException {
        common(json, span.label(), "B", span.startNs(), span.pid());
        json.writeStringField("cat", span.category());
        json.writeObjectFieldStart("args");
        json.writeNumberField("cpu", record.cpu());
        json.writeStringField("event", record.eventText());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void end(JsonGenerator json, Span span, long timeNs, TraceRecord record) throws IOException {
        common(json, span.label(), "E", timeNs, span.pid());
        json.writeStringField("cat", span.category());
        json.writeObjectFieldStart("args");
        if (record != null) {
            json.writeStringField("event", record.eventText());
        } else {
            json.writeBooleanField("unfinished", true);
        }
        if (span.error().isPresent()) {
            json.writeStringField("error", span.error().get());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void instant(JsonGenerator json, TraceRecord record) throws IOException {
        common(json, record.eventText(), "i", record.timestampNs(), record.pid());
        json.writeStringField("cat", record.system());
        json.writeStringField("s", "t");
        json.writeObjectFieldStart("args");
        json.writeNumberField("cpu", record.cpu());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void counter(JsonGenerator json, SpanAnalysis.TimedState state) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", state.change().track());
        json.writeStringField("ph", "C");
        json.writeNumberField("ts", state.timeNs() / 1000.0);
        json.writeNumberField("pid", PROCESS);
        json.writeObjectFieldStart("args");
        json.writeNumberField("state", state.change().value());
        json.writeEndObject();
        json.writeEndObject();
    }
}
