package org.hotplugemu.core.engine;

/**
 * Labels the calling emulated thread with what it is running, e.g. the hotplug callback symbol,
 * so that hang reports (deadlock, hung task, soft lockup, livelock) can name it. The label nests:
 * {@link #enter} returns the previous one for {@link #exit} to restore. On a Java thread that is
 * not an emulated thread both do nothing. Experimental.
 */
public final class EngineActivity {
    private EngineActivity() {
    }

    /** Labels the calling emulated thread with {@code label} and returns its previous label. */
    public static String enter(String label) {
        Task task = EngineLifecycle.RUNNING.get();
        if (task == null) {
            return "";
        }
        String previous = task.activity;
        task.activity = label == null ? "" : label;
        return previous;
    }

    /** Restores the label {@link #enter} returned. */
    public static void exit(String previous) {
        Task task = EngineLifecycle.RUNNING.get();
        if (task != null) {
            task.activity = previous == null ? "" : previous;
        }
    }
}
