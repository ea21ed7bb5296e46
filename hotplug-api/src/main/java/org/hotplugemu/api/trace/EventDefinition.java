package org.hotplugemu.api.trace;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a tracepoint is: its system ({@code cpuhp}), its name ({@code cpuhp_enter}), its fields and
 * the kernel {@code print fmt} that formats them, e.g. {@code "cpu: %04u target: %3d step: %3d (%ps)"}
 * with the fields as arguments in declaration order.
 */
@API(status = STABLE, since = "0.1")
public record EventDefinition(String system, String name, List<EventField> fields, String printFormat) {
    public EventDefinition {
        requireNonNull(system, "system is null");
        requireNonNull(name, "name is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        requireNonNull(printFormat, "printFormat is null");
        if (system.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("event system and name must not be blank");
        }
    }
}
