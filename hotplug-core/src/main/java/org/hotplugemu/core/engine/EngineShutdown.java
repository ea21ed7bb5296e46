package org.hotplugemu.core.engine;

/** Thrown inside emulated threads by {@link Engine#close()} to unwind their stacks quietly. */
final class EngineShutdown extends Error {
    private static final long serialVersionUID = 1L;

    static final EngineShutdown INSTANCE = new EngineShutdown();

    private EngineShutdown() {
        super("engine closed", null, false, false);
    }
}
