package org.hotplugemu.api.trace;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where tracepoints are declared. Core, architecture backends and drivers register their own
 * event systems through it.
 */
@API(status = STABLE, since = "0.1")
public interface Tracer {
    /**
     * Registers a tracepoint, disabled.
     *
     * @throws IllegalArgumentException when an event of the same system and name exists
     */
    TraceEvent register(EventDefinition definition);

    Optional<TraceEvent> event(String system, String name);

    /** Returns every registered event, ordered by system then name. */
    List<TraceEvent> events();
}
