package org.hotplugemu.distribution.explore;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One failed scenario: what kind of failure, which scenario, what was seen, and the shrunk
 * reproducer: a {@code run} script, the seed and the command line that replays it.
 *
 * @param kind e.g. {@code no-rollback}, {@code invariant}, {@code crash}, {@code lost-work}
 * @param scenario the scenario's id, e.g. {@code down cpu2 fail 199 (rcu/tree:online)}
 * @param message what went wrong, in the kernel's or the checker's words
 * @param seed the engine seed the reproducer runs with
 * @param cpus the CPU count the reproducer runs with (after shrinking)
 * @param command the {@code hotplug-emu run} command line
 * @param script the script's text
 */
public record Finding(String kind, String scenario, String message, long seed, int cpus, String command, String script) {
    public Finding {
        requireNonNull(kind, "kind is null");
        requireNonNull(scenario, "scenario is null");
        requireNonNull(message, "message is null");
        requireNonNull(command, "command is null");
        requireNonNull(script, "script is null");
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        json.put("scenario", scenario);
        json.put("message", message);
        json.put("seed", seed);
        json.put("cpus", cpus);
        json.put("command", command);
        json.put("script", script);
        return json;
    }

    static Finding fromJson(Map<?, ?> json) {
        return new Finding(String.valueOf(json.get("kind")), String.valueOf(json.get("scenario")), String.valueOf(json.get("message")),
                ((Number) json.get("seed")).longValue(), ((Number) json.get("cpus")).intValue(), String.valueOf(json.get("command")),
                String.valueOf(json.get("script")));
    }
}
