package org.hotplugemu.arch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The entry point of an architecture plugin, found with {@link java.util.ServiceLoader}: annotate
 * the implementation with {@code @AutoService(ArchitectureProvider.class)} and put its jar in the
 * distribution's {@code plugins/} directory.
 */
@API(status = STABLE, since = "0.1")
public interface ArchitectureProvider {
    /** Returns the name {@code --arch} selects, e.g. {@code x86}; lowercase, unique among plugins. */
    String name();

    /** Returns a one-line description for {@code hotplug-emu plugins}. */
    String description();

    /**
     * Creates the backend of one emulated machine. Invalid machine options for this architecture
     * (e.g. an SMT width it cannot address) fail with an EINVAL {@link org.hotplugemu.api.kernel.HotplugException}.
     */
    Architecture create(ArchContext context);

    /**
     * Returns the names of the state-table profiles this plugin ships, e.g.
     * {@code linux-6.1-riscv64}. Each is a JSON resource {@code profiles/<name>.json} in the
     * plugin's jar (read through this provider's own class), in the format of the built-in ones,
     * whose {@code name} field is {@code <name>}. {@code --profile} and
     * {@link Architecture#defaultProfile()} may then name it; a name a built-in profile has is
     * refused.
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default java.util.Set<String> profiles() {
        return java.util.Set.of();
    }
}
