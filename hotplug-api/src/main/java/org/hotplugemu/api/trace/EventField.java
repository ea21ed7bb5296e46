package org.hotplugemu.api.trace;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * One named, typed field of a trace event, in the order the event declares it.
 */
@API(status = STABLE, since = "0.1")
public record EventField(String name, FieldType type) {
    public EventField {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("event field name is blank");
        }
    }
}
