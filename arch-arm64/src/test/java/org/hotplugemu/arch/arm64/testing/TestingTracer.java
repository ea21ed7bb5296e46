package org.hotplugemu.arch.arm64.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hotplugemu.tracing.EventDefinition;
import org.hotplugemu.tracing.TraceEvent;
import org.hotplugemu.tracing.Tracer;

/** A tracer whose events are all enabled and recorded as "name: v1, v2, ..." lines. */
public final class TestingTracer implements Tracer {
    private final List<TraceEvent> events = new ArrayList<>();
    private final List<String> records = new ArrayList<>();

    @Override
    public TraceEvent register(EventDefinition definition) {
        if (event(definition.system(), definition.name()).isPresent()) {
            throw new IllegalArgumentException("duplicate event " + definition.name());
        }
        TraceEvent event = new TraceEvent() {
            @Override
            public EventDefinition definition() {
                return definition;
            }

            @Override
            public int id() {
                return events.indexOf(this) + 1;
            }

            @Override
            public boolean isEnabled() {
                return true;
            }

            @Override
            public void emit(Object... values) {
                if (values.length != definition.fields().size()) {
                    throw new IllegalArgumentException("expected " + definition.fields().size() + " values");
                }
                records.add(definition.name() + ": " + String.join(", ", Arrays.stream(values).map(String::valueOf).toList()));
            }
        };
        events.add(event);
        return event;
    }

    @Override
    public Optional<TraceEvent> event(String system, String name) {
        return events.stream().filter(e -> e.definition().system().equals(system) && e.definition().name().equals(name)).findFirst();
    }

    @Override
    public List<TraceEvent> events() {
        return events.stream().sorted(Comparator.comparing((TraceEvent e) -> e.definition().system())
                .thenComparing(e -> e.definition().name())).toList();
    }

    public List<String> records() {
        return List.copyOf(records);
    }
}
