package org.hotplugemu.arch.x86.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotplugemu.tracing.EventDefinition;
import org.hotplugemu.tracing.TraceEvent;
import org.hotplugemu.tracing.Tracer;

/** A tracer for unit tests: every event is enabled and each emit is kept as {@code name(v1, v2, ...)}. */
public final class TestingTracer implements Tracer {
    private final Map<String, TraceEvent> events = new LinkedHashMap<>();
    private final List<String> emitted = new ArrayList<>();

    @Override
    public TraceEvent register(EventDefinition definition) {
        String key = definition.system() + ":" + definition.name();
        if (events.containsKey(key)) {
            throw new IllegalArgumentException("event " + key + " exists");
        }
        int id = events.size() + 1;
        TraceEvent event = new TraceEvent() {
            @Override
            public EventDefinition definition() {
                return definition;
            }

            @Override
            public int id() {
                return id;
            }

            @Override
            public boolean isEnabled() {
                return true;
            }

            @Override
            public void emit(Object... values) {
                if (values.length != definition.fields().size()) {
                    throw new IllegalArgumentException(key + " has " + definition.fields().size() + " fields, got " + values.length);
                }
                List<String> parts = new ArrayList<>();
                for (Object value : values) {
                    parts.add(value instanceof Long || value instanceof Integer ? "0x" + Long.toHexString(((Number) value).longValue()) : String.valueOf(value));
                }
                emitted.add(definition.name() + "(" + String.join(", ", parts) + ")");
            }
        };
        events.put(key, event);
        return event;
    }

    @Override
    public Optional<TraceEvent> event(String system, String name) {
        return Optional.ofNullable(events.get(system + ":" + name));
    }

    @Override
    public List<TraceEvent> events() {
        return events.values().stream()
                .sorted(Comparator.comparing((TraceEvent e) -> e.definition().system()).thenComparing(e -> e.definition().name()))
                .toList();
    }

    /** Returns the emitted events, {@code name(values in hex...)}, in order. */
    public List<String> emitted() {
        return List.copyOf(emitted);
    }

    /** Returns the emitted events whose name is {@code name}. */
    public List<String> emitted(String name) {
        return emitted.stream().filter(e -> e.startsWith(name + "(")).toList();
    }
}
