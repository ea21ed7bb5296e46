package org.hotplugemu.api.trace;

import static java.util.Objects.requireNonNull;

/**
 * One named, typed field of a trace event, in the order the event declares it.
 *
 * <p>Stable since 0.1.
 */
public record EventField(String name, FieldType type) {
    public EventField {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("event field name is blank");
        }
    }
}
