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

    /**
     * Marks the calling emulated thread as running the hotplug callback {@code symbol} (which also
     * becomes its label) and returns the callback it was running before, or null. On a Java thread
     * that is not an emulated thread it does nothing and returns null.
     */
    public static String enterCallback(String symbol) {
        Task task = EngineLifecycle.RUNNING.get();
        if (task == null) {
            return null;
        }
        String previous = task.callback;
        if (previous == null) {
            task.activityOutsideCallback = task.activity;
        }
        task.callback = symbol;
        task.activity = symbol;
        return previous;
    }

    /** Leaves the callback {@link #enterCallback} entered; {@code previous} is what it returned. */
    public static void exitCallback(String previous) {
        Task task = EngineLifecycle.RUNNING.get();
        if (task != null) {
            task.callback = previous;
            task.activity = previous != null ? previous : task.activityOutsideCallback;
        }
    }

    /** Returns the hotplug callback the calling emulated thread runs, or null (also off the engine). */
    public static String callback() {
        Task task = EngineLifecycle.RUNNING.get();
        return task == null ? null : task.callback;
    }

    /** Restores the label {@link #enter} returned. */
    public static void exit(String previous) {
        Task task = EngineLifecycle.RUNNING.get();
        if (task != null) {
            task.activity = previous == null ? "" : previous;
        }
    }
}
