package org.hotplugemu.core.engine;

/**
 * While plugin code runs, the thread's context class loader is the plugin's own, never the
 * emulator's: a plugin that asks its context loader for a class gets only what its own loader shows
 * (the plugin API), so the application loader does not leak through the thread. Use with
 * try-with-resources around each call into plugin code; the previous loader comes back on close.
 */
public final class PluginLoaderScope implements AutoCloseable {
    private final Thread thread;
    private final ClassLoader previous;

    private PluginLoaderScope(Thread thread, ClassLoader previous) {
        this.thread = thread;
        this.previous = previous;
    }

    /** Makes the loader of {@code pluginCode}'s class the current thread's context loader until closed. */
    public static PluginLoaderScope of(Object pluginCode) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginCode.getClass().getClassLoader());
        return new PluginLoaderScope(thread, previous);
    }

    /** For a thread that runs only {@code pluginCode}'s owner's code, e.g. a plugin's smpboot thread: for good. */
    public static void dedicate(Object pluginCode) {
        Thread.currentThread().setContextClassLoader(pluginCode.getClass().getClassLoader());
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
