package org.hotplugemu.core.engine;

/**
 * The emulated call chain of the calling emulated thread: the kernel functions the emulator knows
 * it is in ({@code cpuhp_thread_fun}, {@code cpuhp_invoke_callback}, a callback's symbol...), which
 * lockdep prints as call traces. Kept only while lockdep is on, so it costs nothing otherwise; on a
 * Java thread that is not an emulated thread both calls do nothing. Experimental.
 */
public final class CallChain {
    private CallChain() {
    }

    /** Records that the calling emulated thread has entered {@code function}; pair with {@link #exit()}. */
    public static void enter(String function) {
        if (!Lockdep.everEnabled) {
            return; // the common case: no thread-local lookup at all
        }
        Task task = EngineLifecycle.RUNNING.get();
        if (task == null || task.engine.lockdep == null) {
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
        if (!Lockdep.everEnabled) {
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
