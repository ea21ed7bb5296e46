package org.hotplugemu.core.profile;

import static java.util.Objects.requireNonNull;

/** A dynamic state the reference kernel registered during boot: the slot it got and its name. */
public record BootRegistration(int number, String name) {
    public BootRegistration {
        requireNonNull(name, "name is null");
    }
}
