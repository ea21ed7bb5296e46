package org.hotplugemu.testkit;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apiguardian.api.API;
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
