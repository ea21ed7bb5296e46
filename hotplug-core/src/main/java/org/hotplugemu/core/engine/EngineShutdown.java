package org.hotplugemu.core.engine;

/**
 * Thrown inside emulated threads by {@link Engine#close()} to unwind their stacks quietly. Code
 * that catches every {@link Throwable} around plugin code calls {@link #rethrowIfUnwinding} first,
 * so that closing the engine still ends the thread.
 */
public final class EngineShutdown extends Error {
    private static final long serialVersionUID = 1L;

    static final EngineShutdown INSTANCE = new EngineShutdown();

    private EngineShutdown() {
        super("engine closed", null, false, false);
    }

    /** Rethrows {@code thrown} when it is the engine unwinding the thread; returns otherwise. */
    public static void rethrowIfUnwinding(Throwable thrown) {
        if (thrown instanceof EngineShutdown shutdown) {
            throw shutdown;
        }
    }
}
