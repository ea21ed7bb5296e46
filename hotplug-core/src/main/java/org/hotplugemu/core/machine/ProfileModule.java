package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.profile.Profiles;

/**
 * The kernel profile: {@link #of} binds the one the builder was given, {@link #architectureDefault}
 * the backend's default; which one is installed chooses.
 */
final class ProfileModule {
    private ProfileModule() {
    }

    static AbstractModule of(Profile profile) {
        requireNonNull(profile, "profile is null");
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Profile.class).toInstance(profile);
            }
        };
    }

    static AbstractModule architectureDefault() {
        return new AbstractModule() {
            @Provides
            @Singleton
            Profile profile(Architecture arch, ArchitectureProvider provider) {
                return Profiles.named(arch.defaultProfile(), provider);
            }
        };
    }
}
