package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
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
 * problems at once, then chooses which Guice modules to install.
 */
public final class EmulatorAssembly {
    private final Injector injector;

    private EmulatorAssembly(Injector injector) {
        this.injector = requireNonNull(injector, "injector is null");
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
        List<Module> modules = List.of(
                new MachineOptionsModule(settings),
                new ArchitectureModule(architecture.orElseThrow()),
                new DriversModule(plugins.driversFor(settings.architecture())),
                new EngineModule(new EngineChoice(settings.engine(), settings.seed())),
                new ProfileModule(new ProfileChoice(profile)),
                settings.trace().map(TracingOutputModule::toFile).orElseGet(TracingOutputModule::none));
        return new EmulatorAssembly(Guice.createInjector(modules));
    }

    /**
     * Builds the machine, not yet booted.
     *
     * @throws StartupException when the machine rejects the options
     */
    public Machine createMachine(IntConsumer bootProgress) {
        try {
            return injector.getInstance(MachineFactory.class).create(bootProgress);
        } catch (HotplugException e) {
            throw new StartupException(List.of(e.getMessage()), e);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // Most likely the architecture plugin's create(); the stack is there with --verbose.
            String architecture = injector.getInstance(MachineSettings.class).architecture();
            throw new StartupException(List.of("cannot build the machine: the " + architecture + " backend or a plugin threw " + e), e);
        }
    }

    /** Builds the machine like {@link #createMachine(IntConsumer)}, letting {@code customize} adjust the builder first. */
    public Machine createMachine(IntConsumer bootProgress, java.util.function.UnaryOperator<org.hotplugemu.core.machine.MachineBuilder> customize) {
        try {
            return customize.apply(injector.getInstance(MachineFactory.class).builder(bootProgress)).build();
        } catch (HotplugException e) {
            throw new StartupException(List.of(e.getMessage()));
        }
    }

    /** Returns a new builder for the machine the options describe, without drivers; for tools that build many machines. */
    public org.hotplugemu.core.machine.MachineBuilder machineBuilder() {
        return injector.getInstance(MachineFactory.class).builderWithoutDrivers();
    }

    public TraceOutput traceOutput() {
        return injector.getInstance(TraceOutput.class);
    }
}
