package org.hotplugemu.core.engine;

import java.util.List;

/** The parts of hang reports that read Java stacks: the soft-lockup report and the stacks for {@code --verbose}. */
final class HangReports {
    /** Stacks beyond this many threads are left out: a machine of thousands of CPUs has tens of thousands. */
    private static final int MAX_STACKS = 64;
    private static final int MAX_FRAMES = 40;

    private HangReports() {
    }

    /**
     * The kernel's {@code watchdog: BUG: soft lockup - CPU#2 stuck for 10s! [cpuhp/2:7]}, then the
     * callback the thread runs and its Java stack.
     */
    static Hang softLockup(Task task, long stuckNanos) {
        long seconds = Math.max(1, Math.round(stuckNanos / 1e9));
        String header = "watchdog: BUG: soft lockup - CPU#" + task.cpu + " stuck for " + seconds + "s! ["
                + task.name + ":" + task.pid + "]";
        String activity = task.activity;
        String detail = "  " + task.name + ":" + task.pid + " ran plain Java without reaching an engine primitive"
                + (activity.isEmpty() ? "" : ", in " + activity)
                + " (a spin, Thread.sleep or a Java lock in emulated code?); its Java stack:\n"
                + stack(task.thread, "    ").stripTrailing();
        return new Hang(HangException.Kind.SOFT_LOCKUP, header, detail, task);
    }

    /** Returns the Java stack of each task (at most {@value #MAX_STACKS}), headed by its name and pid. */
    static String javaStacks(List<Task> tasks) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (Task task : tasks) {
            if (shown++ == MAX_STACKS) {
                text.append("... ").append(tasks.size() - MAX_STACKS).append(" more threads\n");
                break;
            }
            text.append(task.name).append(':').append(task.pid).append(" (CPU ").append(task.cpu).append(")\n")
                    .append(stack(task.thread, "    "));
        }
        return text.toString();
    }

    private static String stack(Thread thread, String indent) {
        if (thread == null) {
            return indent + "(not started)\n";
        }
        StackTraceElement[] frames = thread.getStackTrace();
        if (frames.length == 0) {
            return indent + "(no Java frames: the thread " + (thread.isAlive() ? "is not running" : "has ended") + ")\n";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < frames.length && i < MAX_FRAMES; i++) {
            text.append(indent).append("at ").append(frames[i]).append('\n');
        }
        if (frames.length > MAX_FRAMES) {
            text.append(indent).append("... ").append(frames.length - MAX_FRAMES).append(" more\n");
        }
        return text.toString();
    }
}
