package org.hotplugemu.api.sched;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A kernel {@code struct completion}: one side waits until the other says something is done.
 *
 * <p>Each {@link #complete()} lets one current or future {@link #await()} through; {@link
 * #completeAll()} lets every waiter through until {@link #reinit()}. Waiting is a blocking
 * point and is forbidden in atomic context.
 */
@API(status = STABLE, since = "0.1")
public interface Completion {
    String name();

    /** Wakes one waiter, or lets the next {@code await} pass at once. */
    void complete();

    /** Wakes every waiter and lets every later {@code await} pass until {@link #reinit()}. */
    void completeAll();

    /** Blocks until completed, with no timeout ({@code wait_for_completion}). */
    void await();

    /**
     * Blocks until completed or until {@code timeout} of engine time has passed
     * ({@code wait_for_completion_timeout}).
     *
     * @return {@code true} when completed, {@code false} when the timeout expired
     */
    boolean await(Duration timeout);

    /** Forgets earlier completions ({@code reinit_completion}). */
    void reinit();

    /** Returns whether an {@code await} would pass now without blocking. */
    boolean isDone();
}
