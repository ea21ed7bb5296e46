package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Binder;
import com.google.inject.Module;
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

    static Module of(Profile profile) {
        requireNonNull(profile, "profile is null");
        return new Module() {
            @Override
            public void configure(Binder binder) {
                // the provider method below is the binding
            }

            @Provides
            Profile profile() {
                return profile;
            }
        };
    }

    static Module architectureDefault() {
        return new Module() {
            @Override
            public void configure(Binder binder) {
                // the provider method below is the binding
            }

            @Provides
            @Singleton
            Profile profile(Architecture arch, ArchitectureProvider provider) {
                return Profiles.named(arch.defaultProfile(), provider);
            }
        };
    }
}
