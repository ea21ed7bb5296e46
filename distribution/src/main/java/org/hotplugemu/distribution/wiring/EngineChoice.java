package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

/** The engine that runs the emulated threads ({@code sim} or {@code threads}) and its seed. */
public record EngineChoice(String name, long seed) {
    public EngineChoice {
        requireNonNull(name, "name is null");
    }
}
