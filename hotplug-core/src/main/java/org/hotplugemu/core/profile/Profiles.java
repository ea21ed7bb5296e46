package org.hotplugemu.core.profile;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * The built-in state-table profiles (JSON resources under {@code profiles/}) and the table views
 * the CLI prints.
 *
 * <p>Experimental.
 */
public final class Profiles {
    private static final List<String> BUILT_IN =
            List.of("linux-6.1-arm64", "linux-6.1-x86_64", "linux-6.12-arm64", "linux-6.12-x86_64");

    /**
     * The built-in profiles read so far, by name: a profile is immutable once loaded, and parsing
     * one again cost a fifth of building a machine, which explore and the benches do hundreds of times.
     */
    private static final Map<String, Profile> BUILT_IN_LOADED = new ConcurrentHashMap<>();
    /** The same for the profiles plugins ship, per provider class (a plugin's class loader can go away). */
    private static final ClassValue<Map<String, Profile>> SHIPPED_LOADED = new ClassValue<>() {
        @Override
        protected Map<String, Profile> computeValue(Class<?> provider) {
            return new ConcurrentHashMap<>();
        }
    };

    private Profiles() {
    }

    /** Returns the names of the built-in profiles, sorted. */
    public static List<String> builtInNames() {
        return BUILT_IN;
    }

    /**
     * Returns a built-in profile.
     *
     * @throws HotplugException EINVAL naming the available profiles when there is no such one
     */
    public static Profile builtIn(String name) {
        requireNonNull(name, "name is null");
        if (!BUILT_IN.contains(name)) {
            throw new HotplugException(Errno.EINVAL, "no built-in profile named \"" + name + "\"; available: "
                    + String.join(", ", BUILT_IN) + " (or give the path of a profile JSON file)");
        }
        return BUILT_IN_LOADED.computeIfAbsent(name, Profiles::readBuiltIn);
    }

    private static Profile readBuiltIn(String name) {
        String resource = "/profiles/" + name + ".json";
        try (InputStream in = Profiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new HotplugException(Errno.EIO, "built-in profile resource " + resource + " is missing from the jar");
            }
            return ProfileLoader.load(in, "built-in " + name);
        } catch (IOException e) {
            throw new HotplugException(Errno.EIO, "cannot read built-in profile " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the profile {@code name} that the architecture plugin {@code provider} ships
     * ({@link ArchitectureProvider#profiles()}), or else the built-in one of that name.
     *
     * @throws HotplugException EINVAL when neither has it or the plugin reuses a built-in name, EIO
     *         when the plugin names a profile its jar does not hold
     */
    public static Profile named(String name, ArchitectureProvider provider) {
        requireNonNull(name, "name is null");
        requireNonNull(provider, "provider is null");
        Set<String> shipped = provider.profiles();
        if (!shipped.contains(name)) {
            if (!BUILT_IN.contains(name) && !shipped.isEmpty()) {
                throw new HotplugException(Errno.EINVAL, "no profile named \"" + name + "\"; built in: " + String.join(", ", BUILT_IN)
                        + "; from the " + provider.name() + " plugin: " + String.join(", ", new TreeSet<>(shipped)));
            }
            return builtIn(name);
        }
        if (BUILT_IN.contains(name)) {
            throw new HotplugException(Errno.EINVAL, "the " + provider.name() + " plugin ships a profile named \"" + name
                    + "\", which is a built-in profile's name; rename it");
        }
        return SHIPPED_LOADED.get(provider.getClass()).computeIfAbsent(name, key -> readShipped(name, provider));
    }

    private static Profile readShipped(String name, ArchitectureProvider provider) {
        String resource = "/profiles/" + name + ".json";
        Profile profile;
        try (InputStream in = provider.getClass().getResourceAsStream(resource)) {
            if (in == null) {
                throw new HotplugException(Errno.EIO, "the " + provider.name() + " plugin names profile " + name + " but its jar has no " + resource.substring(1));
            }
            profile = ProfileLoader.load(in, provider.name() + " plugin profile " + name, provider.name());
        } catch (IOException e) {
            throw new HotplugException(Errno.EIO, "cannot read the " + provider.name() + " plugin's profile " + name + ": " + e.getMessage(), e);
        }
        if (!profile.name().equals(name)) {
            throw new HotplugException(Errno.EINVAL, "the " + provider.name() + " plugin's " + resource.substring(1) + " is named \""
                    + profile.name() + "\", not \"" + name + "\"");
        }
        return profile;
    }

    /**
     * Loads the profile {@code nameOrPath} names: one {@code provider} ships, a built-in one, or
     * else a profile JSON file at that path.
     */
    public static Profile load(String nameOrPath, ArchitectureProvider provider) {
        requireNonNull(nameOrPath, "nameOrPath is null");
        return provider.profiles().contains(nameOrPath) ? named(nameOrPath, provider) : load(nameOrPath);
    }

    /** Loads a built-in profile by name, or else a profile JSON file at that path. */
    public static Profile load(String nameOrPath) {
        requireNonNull(nameOrPath, "nameOrPath is null");
        return BUILT_IN.contains(nameOrPath) ? builtIn(nameOrPath) : ProfileLoader.load(Path.of(nameOrPath));
    }

    /**
     * Returns what the reference boot's {@code /sys/devices/system/cpu/hotplug/states} showed: one
     * {@code "%3d: %s\n"} line per named static state and per boot registration, by number.
     */
    public static String referenceStates(Profile profile) {
        StringBuilder out = new StringBuilder();
        referenceNames(profile).forEach((number, name) -> out.append(String.format("%3d: %s%n", number, name)));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    /**
     * Renders every enum entry plus every boot-registered dynamic slot, one line each:
     * {@code "%3d: %-42s %-9s %s"} = number, enum name (a dynamic slot shows as its base plus the
     * offset, e.g. {@code CPUHP_AP_ONLINE_DYN+4}), section, and the name the reference boot showed
     * ({@code -} when none). Trailing blanks are trimmed. Backs the CLI {@code states} command.
     */
    public static String render(Profile profile) {
        requireNonNull(profile, "profile is null");
        Map<Integer, String> enums = new TreeMap<>();
        for (StateDefinition state : profile.states()) {
            enums.put(state.number(), state.enumName() + (state.cantStop() ? " *" : ""));
        }
        for (BootRegistration registration : profile.bootRegistrations()) {
            DynamicRange range = profile.bpPrepareDyn().contains(registration.number())
                    ? profile.bpPrepareDyn() : profile.apOnlineDyn();
            int offset = registration.number() - range.first();
            enums.putIfAbsent(registration.number(), range.baseEnumName() + "+" + offset);
        }
        Map<Integer, String> names = referenceNames(profile);
        StringBuilder out = new StringBuilder();
        out.append(String.format("# %s: %s %s; * = cant_stop (not a valid target)%n", profile.name(), profile.kernel(), profile.arch()));
        enums.forEach((number, enumName) -> out.append(String.format("%3d: %-42s %-9s %s", number, enumName,
                profile.sectionOf(number), names.getOrDefault(number, "-")).stripTrailing()).append('\n'));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    private static Map<Integer, String> referenceNames(Profile profile) {
        Map<Integer, String> names = new TreeMap<>();
        for (StateDefinition state : profile.states()) {
            if (state.name() != null) {
                names.put(state.number(), state.name());
            }
        }
        for (BootRegistration registration : profile.bootRegistrations()) {
            names.put(registration.number(), registration.name());
        }
        return names;
    }
}
