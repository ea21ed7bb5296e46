package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.arch.spi.PrintkTime;

/**
 * A snapshot of one live emulated thread, for hang reports and diagnostics. Experimental.
 *
 * @param waitingOn what it waits on, e.g. {@code mutex cpuhp_state_mutex}; empty when runnable
 * @param sinceNanos engine time at which it entered {@code state}
 * @param activity what the core labelled it as running, e.g. the callback symbol; empty when unlabelled
 * @param holder who holds what it waits on, e.g. {@code sh/4}; empty when nobody or not a lock
 */
public record ThreadReport(int pid, String name, int cpu, State state, String waitingOn, long sinceNanos,
        String activity, String holder) {
    /** What a thread is doing. */
    public enum State {
        RUNNABLE, BLOCKED, SLEEPING
    }

    public ThreadReport {
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        requireNonNull(waitingOn, "waitingOn is null");
        requireNonNull(activity, "activity is null");
        requireNonNull(holder, "holder is null");
    }

    /** A snapshot without activity label or lock holder. */
    public ThreadReport(int pid, String name, int cpu, State state, String waitingOn, long sinceNanos) {
        this(pid, name, cpu, state, waitingOn, sinceNanos, "", "");
    }

    /**
     * Formats this thread as one line of a hang report, e.g.
     * {@code pid 7 cpuhp/2 (CPU 2) in sched_cpu_deactivate: mutex m held by sh/4 since 0.001000}.
     */
    public String reportLine() {
        String what = waitingOn.isEmpty() ? "runnable" : waitingOn;
        String in = activity.isEmpty() ? "" : " in " + activity;
        String held = holder.isEmpty() ? "" : " held by " + holder;
        return "  pid " + pid + " " + name + " (CPU " + cpu + ")" + in + ": " + what + held + " since "
                + PrintkTime.seconds(sinceNanos);
    }
}
