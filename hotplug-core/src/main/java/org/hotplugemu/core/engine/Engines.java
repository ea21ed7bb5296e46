package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/** Creates engines by name: {@code sim} (deterministic, default) or {@code threads}. Experimental. */
public final class Engines {
    private static final List<String> NAMES = List.of(SimEngine.NAME, ThreadsEngine.NAME);

    private Engines() {
    }

    /** Creates the engine called {@code name}; fails with {@code EINVAL} for an unknown name. */
    public static Engine create(String name, EngineOptions options) {
        requireNonNull(name, "name is null");
        requireNonNull(options, "options is null");
        return switch (name) {
            case SimEngine.NAME -> new SimEngine(options);
            case ThreadsEngine.NAME -> new ThreadsEngine(options);
            default -> throw new HotplugException(Errno.EINVAL,
                    "unknown engine '" + name + "': use one of " + String.join(", ", NAMES));
        };
    }

    /** Returns the names {@link #create} accepts, default first. */
    public static List<String> names() {
        return NAMES;
    }
}
