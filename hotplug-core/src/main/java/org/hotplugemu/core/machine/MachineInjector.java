package org.hotplugemu.core.machine;

import com.google.inject.Module;
import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.util.List;
import org.hotplugemu.arch.spi.MachineConfig;
import org.hotplugemu.core.engine.Engine;

/**
 * One Guice injector per machine: two machines share no singleton. The modules installed choose the
 * engine, the architecture (through its provider), the profile and the drivers; nothing inside a
 * module chooses. Guice's wrapping of what a constructor or provider threw is taken off, so that a
 * startup error keeps its own type and message.
 */
final class MachineInjector {
    private MachineInjector() {
    }

    static Machine create(MachineBuilder builder, MachineConfig config) {
        List<Module> modules = List.of(
                new MachineOptionsModule(builder, config),
                new EngineModule(builder.engine),
                new ArchitectureModule(builder.architecture),
                builder.profile != null ? ProfileModule.of(builder.profile) : ProfileModule.architectureDefault(),
                new TracingModule(),
                new DriversModule(builder.driverProviders, builder.drivers),
                new CoreModule());
        Injector injector;
        Engine engine;
        try {
            injector = Guice.createInjector(modules);
            engine = injector.getInstance(Engine.class);
        } catch (ProvisionException | CreationException | ConfigurationException e) {
            throw unwrapped(e);
        }
        try {
            return injector.getInstance(EmulatedMachine.class);
        } catch (ProvisionException | CreationException | ConfigurationException e) {
            engine.close();
            throw unwrapped(e);
        } catch (RuntimeException | Error e) {
            engine.close();
            throw e;
        }
    }

    /** The exception a constructor or provider threw, without Guice's wrappers; Guice's own when it has no single cause. */
    private static RuntimeException unwrapped(RuntimeException guice) {
        Throwable cause = guice;
        while ((cause instanceof ProvisionException || cause instanceof CreationException || cause instanceof ConfigurationException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return guice;
    }
}
