package org.hotplugemu.api.trace;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A registered tracepoint. Emitting records one event in the ring buffer of the emitting CPU
 * when the event is enabled and tracing is on; otherwise it costs one flag check.
 */
@API(status = STABLE, since = "0.1")
public interface TraceEvent {
    EventDefinition definition();

    /** Returns the event id its {@code format} file shows. */
    int id();

    /** Returns whether emitting records anything now; check it before building costly arguments. */
    boolean isEnabled();

    /**
     * Records the event with {@code values} in field order: {@link Number}s for integer fields and
     * Strings for {@link FieldType#SYMBOL} and {@link FieldType#STRING} fields.
     *
     * @throws IllegalArgumentException when the values do not match the fields
     */
    void emit(Object... values);
}
