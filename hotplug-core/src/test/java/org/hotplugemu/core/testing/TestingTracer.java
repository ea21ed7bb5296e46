package org.hotplugemu.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.TraceEvent;
import org.hotplugemu.api.trace.Tracer;

/**
 * A tracer for unit tests whose events are all enabled and whose emits are kept in order, readable
 * as {@code name: v1, v2} lines ({@link #records}) or with numbers in hex as {@code name(0x1, 0x2)}
 * ({@link #emitted}).
 */
public final class TestingTracer implements Tracer {
    /** One emit in both renderings, formatted when it happened. */
    private record Emit(String record, String hex) {
    }

    private final Map<String, TraceEvent> events = new LinkedHashMap<>();
    private final List<Emit> emits = new ArrayList<>();

    @Override
    public synchronized TraceEvent register(EventDefinition definition) {
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
                    throw new IllegalArgumentException(key + " has " + definition.fields().size()
                            + " fields, got " + values.length);
                }
                String name = definition.name();
                Emit emit = new Emit(name + ": " + join(values, String::valueOf),
                        name + "(" + join(values, TestingTracer::hexIfNumber) + ")");
                synchronized (TestingTracer.this) {
                    emits.add(emit);
                }
            }
        };
        events.put(key, event);
        return event;
    }

    @Override
    public synchronized Optional<TraceEvent> event(String system, String name) {
        return Optional.ofNullable(events.get(system + ":" + name));
    }

    @Override
    public synchronized List<TraceEvent> events() {
        return events.values().stream()
                .sorted(Comparator.comparing((TraceEvent e) -> e.definition().system())
                        .thenComparing(e -> e.definition().name()))
                .toList();
    }

    /** Returns every emit as {@code name: v1, v2}, values as {@link String#valueOf} prints them, in order. */
    public List<String> records() {
        return format(Emit::record);
    }

    /** Returns every emit as {@code name(v1, v2)}, integers in hex ({@code 0x1f}), in order. */
    public List<String> emitted() {
        return format(Emit::hex);
    }

    /** Returns {@link #emitted()} restricted to the event called {@code name}. */
    public List<String> emitted(String name) {
        return emitted().stream().filter(e -> e.startsWith(name + "(")).toList();
    }

    private synchronized List<String> format(Function<Emit, String> line) {
        return emits.stream().map(line).toList();
    }

    private static String join(Object[] values, Function<Object, String> value) {
        return String.join(", ", Arrays.stream(values).map(value).toList());
    }

    private static String hexIfNumber(Object value) {
        return value instanceof Long || value instanceof Integer
                ? "0x" + Long.toHexString(((Number) value).longValue())
                : String.valueOf(value);
    }
}
