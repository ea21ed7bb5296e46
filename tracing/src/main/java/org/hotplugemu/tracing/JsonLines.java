package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes one JSON object per record and per line, for scripts. */
final class JsonLines {
    private JsonLines() {
    }

    static void write(Writer writer, List<TraceRecord> records) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(writer)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(new SerializedString("\n"));
            for (TraceRecord record : records) {
                json.writeStartObject();
                json.writeNumberField("timestamp_ns", record.timestampNs());
                json.writeNumberField("cpu", record.cpu());
                json.writeStringField("comm", record.comm());
                json.writeNumberField("pid", record.pid());
                json.writeStringField("flags", record.flags());
                json.writeStringField("system", record.system());
                json.writeStringField("event", record.name());
                json.writeObjectFieldStart("fields");
                List<EventField> fields = record.definition().fields();
                for (int i = 0; i < fields.size(); i++) {
                    EventField field = fields.get(i);
                    if (field.type() == FieldType.SYMBOL || field.type() == FieldType.STRING) {
                        json.writeStringField(field.name(), record.stringValue(field.name()));
                    } else {
                        json.writeNumberField(field.name(), record.longValue(field.name()));
                    }
                }
                json.writeEndObject();
                json.writeStringField("text", record.text());
                json.writeEndObject();
            }
            json.flush();
        }
        if (!records.isEmpty()) {
            writer.write('\n');
        }
    }
}
