package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/** Binds the engine choice. */
public final class EngineModule extends AbstractModule {
    private final EngineChoice engine;

    public EngineModule(EngineChoice engine) {
        this.engine = requireNonNull(engine, "engine is null");
    }

    @Override
    protected void configure() {
        bind(EngineChoice.class).toInstance(engine);
    }
}
