package org.hotplugemu.api.sched;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * An emulated kernel thread (a task), bound to one emulated CPU for its whole life.
 *
 * <p>Identity is by reference.
 */
@API(status = STABLE, since = "0.1")
public interface EmulatedThread {
    /** Returns the task's name as {@code comm} shows it, e.g. {@code cpuhp/3} or {@code swapper/1}. */
    String name();

    /** Returns the emulated process id, unique within one machine, assigned in creation order. */
    int pid();

    /** Returns the emulated CPU this thread runs on. */
    int cpu();

    /** Returns whether the thread has started and not yet finished. */
    boolean isAlive();

    /** Returns what the thread is blocked on (e.g. {@code completion done_up}), or empty when runnable. */
    String waitingOn();
}
