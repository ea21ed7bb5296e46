package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.api.trace.TraceEvent;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tracepoint registered with one {@link Tracing}: its id, its enable flag, its field layout and
 * its compiled print format.
 */
final class RegisteredEvent implements TraceEvent {
    /** Bytes of the common fields every record starts with (type, flags, preempt count, pid). */
    static final int COMMON_SIZE = 8;
    /** Bytes the ring buffer spends on each entry's own header (length and time delta). */
    static final int ENTRY_HEADER_SIZE = 8;

    private final EventDefinition definition;
    private volatile int id;
    private final Tracing tracing;
    private final PrintFormat printFormat;
    private final int[] offsets;
    private final int recordSize;
    private final boolean hasStrings;
    private final boolean bare;
    private final Map<String, Integer> fieldIndex = new HashMap<>();
    private volatile boolean enabled;
    /** Enabled and tracing on: the one flag {@link #emit} checks. */
    private volatile boolean armed;

    RegisteredEvent(EventDefinition definition, int id, Tracing tracing) {
        this(definition, id, tracing, false);
    }

    /** {@code bare}: the ftrace line shows the text without the {@code name: } prefix (ftrace's own print). */
    RegisteredEvent(EventDefinition definition, int id, Tracing tracing, boolean bare) {
        this.bare = bare;
        this.definition = requireNonNull(definition, "definition is null");
        this.id = id;
        this.tracing = requireNonNull(tracing, "tracing is null");
        this.printFormat = PrintFormat.compile(definition.printFormat());
        List<EventField> fields = definition.fields();
        if (printFormat.conversions() > fields.size()) {
            throw new IllegalArgumentException("print format of " + qualifiedName() + " has "
                    + printFormat.conversions() + " conversions but the event has only " + fields.size()
                    + " fields");
        }
        offsets = new int[fields.size()];
        int offset = COMMON_SIZE;
        int alignment = 4;
        boolean strings = false;
        for (int i = 0; i < fields.size(); i++) {
            EventField field = fields.get(i);
            if (fieldIndex.put(field.name(), i) != null) {
                throw new IllegalArgumentException("event " + qualifiedName() + " declares field "
                        + field.name() + " twice");
            }
            int size = field.type().size();
            offset = align(offset, size);
            offsets[i] = offset;
            offset += size;
            alignment = Math.max(alignment, size);
            strings |= field.type() == FieldType.STRING;
        }
        this.recordSize = align(offset, alignment);
        this.hasStrings = strings;
    }

    private static int align(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    @Override
    public EventDefinition definition() {
        return definition;
    }

    /** Gives the event another id (an id the host fixed for another event after this one registered). */
    void renumber(int newId) {
        this.id = newId;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return armed;
    }

    @Override
    public void emit(Object... values) {
        if (!armed) {
            return;
        }
        tracing.record(this, check(values));
    }

    /** Records regardless of this event's own enable flag (used by trace_marker). */
    void emitUnconditionally(Object... values) {
        tracing.record(this, check(values));
    }

    private Object[] check(Object[] values) {
        List<EventField> fields = definition.fields();
        if (values.length != fields.size()) {
            throw new IllegalArgumentException("event " + qualifiedName() + " takes " + fields.size()
                    + " values (" + fieldNames() + ") but got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            FieldType type = fields.get(i).type();
            boolean text = type == FieldType.SYMBOL || type == FieldType.STRING;
            if (text ? !(values[i] instanceof String) : !(values[i] instanceof Number)) {
                throw new IllegalArgumentException("field " + fields.get(i).name() + " of event "
                        + qualifiedName() + " takes a " + (text ? "String" : "Number") + ", got "
                        + (values[i] == null ? "null" : values[i].getClass().getSimpleName()));
            }
        }
        return values;
    }

    private String fieldNames() {
        return String.join(", ", definition.fields().stream().map(EventField::name).toList());
    }

    boolean enabled() {
        return enabled;
    }

    void setEnabled(boolean enabled, boolean tracingOn) {
        this.enabled = enabled;
        this.armed = enabled && tracingOn;
    }

    void tracingOn(boolean on) {
        this.armed = enabled && on;
    }

    boolean bare() {
        return bare;
    }

    String qualifiedName() {
        return definition.system() + ":" + definition.name();
    }

    /** Returns the index of the named field, or -1. */
    int fieldIndex(String name) {
        return fieldIndex.getOrDefault(name, -1);
    }

    /** Returns the bytes one entry with {@code values} takes in a ring buffer. */
    int entrySize(Object[] values) {
        int size = ENTRY_HEADER_SIZE + recordSize;
        if (hasStrings) {
            List<EventField> fields = definition.fields();
            for (int i = 0; i < values.length; i++) {
                if (fields.get(i).type() == FieldType.STRING) {
                    size += ((String) values[i]).length() + 1;
                }
            }
            size = align(size, 4);
        }
        return size;
    }

    /** Appends the event's text (its print format applied to {@code values}). */
    void formatText(StringBuilder out, Object[] values) {
        printFormat.format(out, definition.fields(), values);
    }

    /** Returns the text of this event's {@code format} file, laid out as the kernel prints it. */
    String formatFile() {
        StringBuilder out = new StringBuilder();
        out.append("name: ").append(definition.name()).append('\n');
        out.append("ID: ").append(id).append('\n');
        out.append("format:\n");
        field(out, "unsigned short common_type", 0, 2, false);
        field(out, "unsigned char common_flags", 2, 1, false);
        field(out, "unsigned char common_preempt_count", 3, 1, false);
        field(out, "int common_pid", 4, 4, true);
        out.append('\n');
        List<EventField> fields = definition.fields();
        StringBuilder arguments = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            EventField field = fields.get(i);
            FieldType type = field.type();
            field(out, type.cType() + " " + field.name(), offsets[i], type.size(), type.signed());
            if (i < printFormat.conversions()) {
                arguments.append(", ").append(type == FieldType.STRING
                        ? "__get_str(" + field.name() + ")" : "REC->" + field.name());
            }
        }
        String escaped = definition.printFormat().replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n");
        out.append("\nprint fmt: \"").append(escaped).append('"').append(arguments).append('\n');
        return out.toString();
    }

    private static void field(StringBuilder out, String declaration, int offset, int size, boolean signed) {
        out.append("\tfield:").append(declaration).append(";\toffset:").append(offset)
                .append(";\tsize:").append(size).append(";\tsigned:").append(signed ? 1 : 0).append(";\n");
    }
}
