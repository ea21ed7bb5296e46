package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot of one live emulated thread, for deadlock reports and diagnostics. Experimental.
 *
 * @param waitingOn what it waits on, e.g. {@code mutex cpuhp_state_mutex}; empty when runnable
 * @param sinceNanos engine time at which it entered {@code state}
 */
public record ThreadReport(int pid, String name, int cpu, State state, String waitingOn, long sinceNanos) {
    /** What a thread is doing. */
    public enum State {
        RUNNABLE, BLOCKED, SLEEPING
    }

    public ThreadReport {
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        requireNonNull(waitingOn, "waitingOn is null");
    }

    /** Formats this thread as one line of a deadlock report. */
    public String reportLine() {
        String what = waitingOn.isEmpty() ? "runnable" : waitingOn;
        return "  pid " + pid + " " + name + " (CPU " + cpu + "): " + what + " since "
                + EngineSupport.formatTime(sinceNanos);
    }
}
