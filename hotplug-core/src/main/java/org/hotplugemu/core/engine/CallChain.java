package org.hotplugemu.core.engine;

/**
 * The emulated call chain of the calling emulated thread: the kernel functions the emulator knows
 * it is in ({@code cpuhp_thread_fun}, {@code cpuhp_invoke_callback}, a callback's symbol...), which
 * lockdep and the sleeping-in-atomic report print as call traces. Kept only on an engine with
 * lockdep on or a sleeping-in-atomic reporter installed, so a bare engine pays nothing; on a Java
 * thread that is not an emulated thread both calls do nothing. Experimental.
 */
public final class CallChain {
    /** Set once any engine has a sleeping-in-atomic reporter: from then on chains are kept. */
    static volatile boolean reporting;

    private CallChain() {
    }

    /** Returns the functions the calling emulated thread is in, innermost first (empty when none are kept). */
    public static java.util.List<String> frames() {
        Task task = EngineLifecycle.RUNNING.get();
        java.util.List<String> frames = new java.util.ArrayList<>();
        if (task != null) {
            for (int i = task.frameDepth - 1; i >= 0; i--) {
                frames.add(task.frames[i]);
            }
        }
        return frames;
    }

    private static boolean keeps(Task task) {
        return task != null && (task.engine.lockdep != null || task.engine.sleepInAtomic != null);
    }

    /** Records that the calling emulated thread has entered {@code function}; pair with {@link #exit()}. */
    public static void enter(String function) {
        if (!Lockdep.everEnabled && !reporting) {
            return; // no thread-local lookup at all
        }
        Task task = EngineLifecycle.RUNNING.get();
        if (!keeps(task)) {
            return;
        }
        String[] frames = task.frames;
        if (frames == null) {
            frames = new String[8];
        } else if (task.frameDepth == frames.length) {
            frames = java.util.Arrays.copyOf(frames, frames.length * 2);
        }
        frames[task.frameDepth++] = function;
        task.frames = frames;
    }

    /** Leaves the function the last {@link #enter} entered. */
    public static void exit() {
        if (!Lockdep.everEnabled && !reporting) {
            return;
        }
        Task task = EngineLifecycle.RUNNING.get();
        if (task != null && task.frameDepth > 0) {
            task.frames[--task.frameDepth] = null;
        }
    }

    /** The innermost function {@code task} is in, where a lock it takes now is taken "at". */
    static String innermost(Task task) {
        return task.frameDepth == 0 ? task.name : task.frames[task.frameDepth - 1];
    }
}
