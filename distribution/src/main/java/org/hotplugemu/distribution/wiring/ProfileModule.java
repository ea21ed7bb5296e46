package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/** Binds the state-table profile choice. */
public final class ProfileModule extends AbstractModule {
    private final ProfileChoice profile;

    public ProfileModule(ProfileChoice profile) {
        this.profile = requireNonNull(profile, "profile is null");
    }

    @Override
    protected void configure() {
        bind(ProfileChoice.class).toInstance(profile);
    }
}
