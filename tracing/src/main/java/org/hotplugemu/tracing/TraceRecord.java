package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventDefinition;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One recorded event as read back from a ring buffer: when, on which CPU, by which task, and its
 * field values. Its text is formatted on demand.
 *
 * <p>Experimental.
 */
public final class TraceRecord {
    private final RegisteredEvent event;
    private final Object[] values;
    private final long timestampNs;
    private final int cpu;
    private final long sequence;
    private final String comm;
    private final int pid;
    private final boolean irqsOff;
    private final int preemptDepth;

    TraceRecord(RegisteredEvent event, Object[] values, long timestampNs, int cpu, long sequence, String comm,
            int pid, boolean irqsOff) {
        this(event, values, timestampNs, cpu, sequence, comm, pid, irqsOff, 0);
    }

    TraceRecord(RegisteredEvent event, Object[] values, long timestampNs, int cpu, long sequence, String comm,
            int pid, boolean irqsOff, int preemptDepth) {
        this.preemptDepth = preemptDepth;
        this.event = event;
        this.values = values;
        this.timestampNs = timestampNs;
        this.cpu = cpu;
        this.sequence = sequence;
        this.comm = comm;
        this.pid = pid;
        this.irqsOff = irqsOff;
    }

    /** Returns the event's definition. */
    public EventDefinition definition() {
        return event.definition();
    }

    /** Returns the event's system, e.g. {@code cpuhp}. */
    public String system() {
        return event.definition().system();
    }

    /** Returns the event's name, e.g. {@code cpuhp_enter}. */
    public String name() {
        return event.definition().name();
    }

    /** Returns whether this is the event {@code system:name}. */
    public boolean is(String system, String name) {
        return system().equals(system) && name().equals(name);
    }

    /** Returns the event id. */
    public int eventId() {
        return event.id();
    }

    /** Returns the clock, in nanoseconds, when the event was recorded. */
    public long timestampNs() {
        return timestampNs;
    }

    /** Returns the CPU whose ring buffer holds the event. */
    public int cpu() {
        return cpu;
    }

    /** Returns the position of the event in the order events were emitted, across every CPU. */
    public long sequence() {
        return sequence;
    }

    /** Returns the emitting task's name. */
    public String comm() {
        return comm;
    }

    /** Returns the emitting task's pid. */
    public int pid() {
        return pid;
    }

    /** Returns whether the emitting task had interrupts off. */
    public boolean irqsOff() {
        return irqsOff;
    }

    /** Returns the emitting task's preemption depth (the fourth flag column, {@code .} for 0). */
    public int preemptDepth() {
        return preemptDepth;
    }

    /** Returns the five-character flags column of the ftrace text. */
    public String flags() {
        String depth = preemptDepth == 0 ? "." : Integer.toHexString(preemptDepth);
        return (irqsOff ? "d" : ".") + ".." + depth + ".";
    }

    /** Returns the field values in field order. */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /**
     * Returns the named field's value.
     *
     * @throws IllegalArgumentException when the event has no such field
     */
    public Object value(String field) {
        int index = event.fieldIndex(field);
        if (index < 0) {
            throw new IllegalArgumentException("event " + event.qualifiedName() + " has no field " + field);
        }
        return values[index];
    }

    /** Returns the named integer field's value as its C type stores it (unsigned fields never negative). */
    public long longValue(String field) {
        if (!(value(field) instanceof Number number)) {
            throw new IllegalArgumentException("field " + field + " of " + event.qualifiedName() + " is not a number");
        }
        return PrintFormat.asStored(definition().fields().get(event.fieldIndex(field)).type(), number.longValue());
    }

    /** Returns the named field's value as text. */
    public String stringValue(String field) {
        return String.valueOf(value(field));
    }

    /** Returns the event's text: its print format applied to its fields. */
    public String text() {
        StringBuilder out = new StringBuilder();
        event.formatText(out, values);
        return out.toString();
    }

    /** Returns the text after the timestamp in an ftrace line, e.g. {@code cpuhp_exit:  cpu: 0001 ...}. */
    public String eventText() {
        StringBuilder out = new StringBuilder();
        if (!event.bare()) {
            out.append(name()).append(": ");
        }
        event.formatText(out, values);
        return out.toString();
    }

    @Override
    public String toString() {
        return comm + "-" + pid + " [" + cpu + "] " + timestampNs + ": " + eventText();
    }
}
