package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.TraceEvent;
import org.hotplugemu.api.trace.Tracer;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tracepoints of one {@link Tracing}, by system then name, with their enable flags. Ids are
 * given in registration order from {@link #FIRST_ID}, so the same registrations give the same ids.
 */
final class EventRegistry implements Tracer {
    /** The id of the first registered event (the kernel's first cpuhp event on 6.1 x86_64). */
    static final int FIRST_ID = 135;

    private final Tracing tracing;
    private final Map<String, Map<String, RegisteredEvent>> systems = new TreeMap<>();
    private final List<Pattern> bootPatterns = new ArrayList<>();
    private int nextId = FIRST_ID;
    /** Ids fixed in advance by {@code system:name}, e.g. the reference kernel's cpuhp ids. */
    private final Map<String, Integer> fixedIds = new java.util.HashMap<>();
    private boolean tracingOn = true;

    EventRegistry(Tracing tracing) {
        this.tracing = requireNonNull(tracing, "tracing is null");
    }

    /** Fixes the ids events will get when registered, by {@code system:name}; others skip those ids. */
    synchronized void fixIds(Map<String, Integer> ids) {
        fixedIds.putAll(ids);
        // Events registered before (an architecture's) move out of the way of the fixed ids.
        for (Map<String, RegisteredEvent> events : systems.values()) {
            for (RegisteredEvent event : events.values()) {
                Integer own = fixedIds.get(event.definition().system() + ":" + event.definition().name());
                if (own != null) {
                    event.renumber(own);
                } else if (fixedIds.containsValue(event.id())) {
                    while (fixedIds.containsValue(nextId)) {
                        nextId++;
                    }
                    event.renumber(nextId++);
                }
            }
        }
    }

    @Override
    public synchronized TraceEvent register(EventDefinition definition) {
        requireNonNull(definition, "definition is null");
        Map<String, RegisteredEvent> events = systems.computeIfAbsent(definition.system(), s -> new TreeMap<>());
        if (events.containsKey(definition.name())) {
            throw new IllegalArgumentException("trace event " + definition.system() + ":" + definition.name()
                    + " is already registered; register each event once");
        }
        Integer fixed = fixedIds.get(definition.system() + ":" + definition.name());
        int id;
        if (fixed != null) {
            id = fixed;
        } else {
            while (fixedIds.containsValue(nextId)) {
                nextId++;
            }
            id = nextId++;
        }
        RegisteredEvent event = new RegisteredEvent(definition, id, tracing);
        events.put(definition.name(), event);
        for (Pattern pattern : bootPatterns) {
            if (pattern.matches(event)) {
                event.setEnabled(pattern.enable(), tracingOn);
            }
        }
        return event;
    }

    @Override
    public synchronized Optional<TraceEvent> event(String system, String name) {
        return Optional.ofNullable(systems.getOrDefault(system, Map.of()).get(name));
    }

    @Override
    public synchronized List<TraceEvent> events() {
        return List.copyOf(all());
    }

    synchronized List<RegisteredEvent> all() {
        List<RegisteredEvent> all = new ArrayList<>();
        systems.values().forEach(events -> all.addAll(events.values()));
        return all;
    }

    synchronized List<String> systemNames() {
        return List.copyOf(systems.keySet());
    }

    synchronized List<RegisteredEvent> system(String system) {
        return List.copyOf(systems.getOrDefault(system, Map.of()).values());
    }

    synchronized void setTracingOn(boolean on) {
        tracingOn = on;
        for (RegisteredEvent event : all()) {
            event.tracingOn(on);
        }
    }

    synchronized boolean tracingOn() {
        return tracingOn;
    }

    synchronized void setEnabled(List<RegisteredEvent> events, boolean enabled) {
        for (RegisteredEvent event : events) {
            event.setEnabled(enabled, tracingOn);
        }
    }

    /**
     * Applies the kernel command line's {@code trace_event=} value; patterns also apply to events
     * registered later, as the kernel's boot-time event list does.
     */
    synchronized void enableFromCommandLine(String spec) {
        requireNonNull(spec, "spec is null");
        List<Pattern> patterns = new ArrayList<>();
        for (String token : spec.split(",")) {
            String trimmed = token.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Pattern pattern = Pattern.parse(trimmed);
            if (all().stream().noneMatch(event -> pattern.matches(event))) {
                throw new IllegalArgumentException("trace_event=" + spec + ": no trace event matches '" + trimmed
                        + "'; write system:event, system:*, *:* or :event; systems are " + systems.keySet());
            }
            patterns.add(pattern);
        }
        for (Pattern pattern : patterns) {
            bootPatterns.add(pattern);
            for (RegisteredEvent event : all()) {
                if (pattern.matches(event)) {
                    event.setEnabled(pattern.enable(), tracingOn);
                }
            }
        }
    }

    /** One {@code trace_event=} item: a system and an event (null matches any) or a bare word. */
    private record Pattern(String system, String event, String word, boolean enable) {
        static Pattern parse(String token) {
            boolean disable = token.startsWith("!");
            String body = disable ? token.substring(1) : token;
            int colon = body.indexOf(':');
            if (colon < 0) {
                // like the kernel, a bare word names a system or an event
                return new Pattern(null, null, body, !disable);
            }
            return new Pattern(wildcard(body.substring(0, colon)), wildcard(body.substring(colon + 1)), null, !disable);
        }

        private static String wildcard(String part) {
            return part.isEmpty() || part.equals("*") ? null : part;
        }

        boolean matches(RegisteredEvent candidate) {
            EventDefinition definition = candidate.definition();
            if (word != null) {
                return word.equals("*") || word.equals(definition.system()) || word.equals(definition.name());
            }
            return (system == null || system.equals(definition.system()))
                    && (event == null || event.equals(definition.name()));
        }
    }
}
