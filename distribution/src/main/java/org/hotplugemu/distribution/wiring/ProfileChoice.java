package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.hotplugemu.core.profile.Profile;

/** The profile the user named, or empty for the architecture's default. */
public record ProfileChoice(Optional<Profile> profile) {
    public ProfileChoice {
        requireNonNull(profile, "profile is null");
    }
}
