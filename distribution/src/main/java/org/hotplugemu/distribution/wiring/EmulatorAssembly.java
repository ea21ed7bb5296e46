package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.MachineConfig;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.profile.Profiles;
import org.hotplugemu.distribution.plugin.PluginLoader;
import org.hotplugemu.distribution.plugin.PluginRegistry;
import org.hotplugemu.tracing.TraceFormat;

/**
 * Turns machine options into a wired emulator: loads the plugins, checks every option, reports all
 * problems at once, then makes the factory of the machine they describe (each machine is wired by
 * its own injector inside {@code MachineBuilder.build()}).
 */
public final class EmulatorAssembly {
    private final MachineSettings settings;
    private final MachineFactory factory;
    private final TraceOutput traceOutput;

    private EmulatorAssembly(MachineSettings settings, MachineFactory factory, TraceOutput traceOutput) {
        this.settings = requireNonNull(settings, "settings is null");
        this.factory = requireNonNull(factory, "factory is null");
        this.traceOutput = requireNonNull(traceOutput, "traceOutput is null");
    }

    /** Loads the built-in plugins and those of {@code pluginDirectories}, in order. */
    public static PluginRegistry loadPlugins(List<Path> pluginDirectories) {
        return PluginLoader.load(EmulatorAssembly.class.getClassLoader(), pluginDirectories);
    }

    /**
     * Checks the settings against the plugins and wires the emulator.
     *
     * @throws StartupException listing every problem found
     */
    public static EmulatorAssembly assemble(MachineSettings settings, PluginRegistry plugins) {
        List<String> problems = new ArrayList<>(plugins.problems());
        Optional<ArchitectureProvider> architecture = plugins.architecture(settings.architecture());
        if (architecture.isEmpty()) {
            List<String> names = plugins.architectureNames();
            problems.add("unknown architecture '" + settings.architecture() + "' (--arch): available: "
                    + (names.isEmpty() ? "none (is lib/ complete?)" : String.join(", ", names)));
        }
        Optional<Profile> profile = Optional.empty();
        if (settings.profile().isPresent()) {
            try {
                String name = settings.profile().get();
                profile = Optional.of(architecture.isPresent() ? Profiles.load(name, architecture.get()) : Profiles.load(name));
            } catch (HotplugException e) {
                problems.add(e.getMessage());
            }
        }
        settings.trace().filter(file -> TraceFormat.forFileName(String.valueOf(file.getFileName())).isEmpty())
                .ifPresent(file -> problems.add("cannot tell the trace format of " + file
                        + " (--trace): name it *.txt (ftrace text), *.json (Perfetto), *.html (report) or *.jsonl (JSON lines)"));
        settings.trace().flatMap(TraceFileCheck::problem).ifPresent(problems::add);
        problems.addAll(MachineConfig.problems(settings.cpus(), settings.threadsPerCore()));
        try {
            KernelCommandLine.parse(settings.commandLine());
        } catch (HotplugException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new StartupException(problems);
        }
        MachineFactory factory = new MachineFactory(settings, architecture.orElseThrow(), plugins.driversFor(settings.architecture()),
                new ProfileChoice(profile), new EngineChoice(settings.engine(), settings.seed()));
        TraceOutput output = settings.trace().<TraceOutput>map(file -> machine -> machine.tracing().writeTo(file)).orElse(machine -> { });
        return new EmulatorAssembly(settings, factory, output);
    }

    /**
     * Builds the machine, not yet booted.
     *
     * @throws StartupException when the machine rejects the options
     */
    public Machine createMachine(IntConsumer bootProgress) {
        try {
            return factory.create(bootProgress);
        } catch (HotplugException e) {
            throw new StartupException(List.of(e.getMessage()), e);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // Most likely the architecture plugin's create(); the stack is there with --verbose.
            String architecture = settings.architecture();
            throw new StartupException(List.of("cannot build the machine: the " + architecture + " backend or a plugin threw " + e), e);
        }
    }

    /** Builds the machine like {@link #createMachine(IntConsumer)}, letting {@code customize} adjust the builder first. */
    public Machine createMachine(IntConsumer bootProgress, java.util.function.UnaryOperator<org.hotplugemu.core.machine.MachineBuilder> customize) {
        try {
            return customize.apply(factory.builder(bootProgress)).build();
        } catch (HotplugException e) {
            throw new StartupException(List.of(e.getMessage()));
        }
    }

    /** Returns a new builder for the machine the options describe, without drivers; for tools that build many machines. */
    public org.hotplugemu.core.machine.MachineBuilder machineBuilder() {
        return factory.builderWithoutDrivers();
    }

    public TraceOutput traceOutput() {
        return traceOutput;
    }
}
