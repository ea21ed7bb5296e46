package org.hotplugemu.core.state;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.engine.EngineActivity;

/**
 * Knows which hotplug callback the current emulated thread is running (kept on its engine task), so that a hotplug or
 * registration call made from inside one fails with EDEADLK instead of deadlocking on
 * {@code cpu_hotplug_lock} or {@code cpuhp_state_mutex} as it would in the kernel.
 */
final class CallbackGuard {
    private CallbackGuard() {
    }

    /** Marks the calling emulated thread as running {@code symbol}; returns what {@link #exit} restores. */
    static String enter(String symbol) {
        return EngineActivity.enterCallback(symbol); // hang reports name the callback a thread runs
    }

    static void exit(String previous) {
        EngineActivity.exitCallback(previous);
    }

    static void checkNotInCallback(String operation) {
        String symbol = EngineActivity.callback();
        if (symbol != null) {
            throw new HotplugException(Errno.EDEADLK, operation + " called from hotplug callback " + symbol
                    + ": in the kernel this deadlocks on cpu_hotplug_lock or cpuhp_state_mutex; defer it to a workqueue or do it before registering");
        }
    }
}
