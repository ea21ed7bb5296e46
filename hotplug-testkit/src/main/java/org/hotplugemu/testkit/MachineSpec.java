package org.hotplugemu.testkit;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apiguardian.api.API;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.profile.Profiles;

/**
 * What machine a test runs on: the options of {@code hotplug-emu shell}, so that a failure can be
 * replayed from the command line.
 *
 * @param arch the architecture provider's name, found with {@link ServiceLoader}, e.g. {@code x86}
 * @param cpus possible CPUs
 * @param profile a built-in profile name or a file; empty for the architecture's default
 * @param engine {@code sim} or {@code threads}
 * @param seed the {@code sim} engine's seed
 * @param commandLine the kernel command line
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MachineSpec(String arch, int cpus, String profile, String engine, long seed, String commandLine) {
    public MachineSpec {
        requireNonNull(arch, "arch is null");
        requireNonNull(profile, "profile is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(commandLine, "commandLine is null");
    }

    /** Returns the spec an annotation declares. */
    public static MachineSpec of(EmulatedMachineTest test) {
        return new MachineSpec(test.arch(), test.cpus(), test.profile(), test.engine(), test.seed(), test.commandLine());
    }

    public MachineSpec withEngine(String engine) {
        return new MachineSpec(arch, cpus, profile, engine, seed, commandLine);
    }

    public MachineSpec withSeed(long seed) {
        return new MachineSpec(arch, cpus, profile, engine, seed, commandLine);
    }

    /** Returns a builder for this machine, with its architecture found by name. */
    public MachineBuilder builder() {
        MachineBuilder builder = new MachineBuilder().architecture(provider(arch)).cpus(cpus).engine(engine).seed(seed)
                .commandLine(commandLine);
        if (!profile.isEmpty()) {
            builder.profile(Profiles.load(profile));
        }
        return builder;
    }

    /** Returns the command that boots the same machine in the shell, to replay a failure by hand. */
    public String replayCommand() {
        return "hotplug-emu shell --arch " + arch + " --cpus " + cpus + (profile.isEmpty() ? "" : " --profile " + profile)
                + " --engine " + engine + " --seed " + seed + (commandLine.isEmpty() ? "" : " --cmdline \"" + commandLine + "\"");
    }

    /**
     * Returns the command that boots the same machine with {@code drivers}: a driver loaded from a
     * jar adds {@code --plugins} with the jar's directory; one whose classes are not in a jar (a
     * test's own driver) is named in a trailing comment, to be packaged as a plugin jar first.
     */
    public String replayCommand(java.util.Collection<? extends HotplugDriver> drivers) {
        java.util.Set<String> directories = new java.util.LinkedHashSet<>();
        List<String> unpackaged = new ArrayList<>();
        for (HotplugDriver driver : drivers) {
            HotplugDriver origin = origin(driver);
            java.nio.file.Path location = location(origin.getClass());
            if (location != null && java.nio.file.Files.isRegularFile(location) && location.getParent() != null) {
                directories.add(location.getParent().toString());
            }
            else {
                unpackaged.add(driver.name() + " (" + origin.getClass().getName() + (location == null ? "" : " in " + location) + ")");
            }
        }
        StringBuilder command = new StringBuilder(replayCommand());
        directories.forEach(directory -> command.append(" --plugins ").append(directory));
        if (!unpackaged.isEmpty()) {
            command.append("  # and the drivers ").append(String.join(", ", unpackaged))
                    .append(": put them in a plugin jar and add --plugins with its directory");
        }
        return command.toString();
    }

    /** Returns the driver a testkit wrapper stands for. */
    static HotplugDriver origin(HotplugDriver driver) {
        HotplugDriver current = driver;
        while (current instanceof CallbackRecorder.Recorded) {
            current = ((org.hotplugemu.api.driver.ForwardingHotplugDriver) current).delegate();
        }
        return current;
    }

    private static java.nio.file.Path location(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? null : java.nio.file.Path.of(source.getLocation().toURI());
        }
        catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static ArchitectureProvider provider(String name) {
        List<String> found = new ArrayList<>();
        for (ArchitectureProvider provider : ServiceLoader.load(ArchitectureProvider.class)) {
            if (provider.name().equals(name)) {
                return provider;
            }
            found.add(provider.name());
        }
        throw new HotplugException(Errno.EINVAL, "no architecture named '" + name + "' on the test class path; found " + found.stream().sorted().toList()
                + " (add the backend's jar as a test dependency)");
    }
}
