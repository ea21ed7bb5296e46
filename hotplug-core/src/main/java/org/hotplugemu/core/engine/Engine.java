package org.hotplugemu.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.tracing.TaskContext;

/**
 * Runs emulated threads: a {@link Scheduler} the emulated kernel uses from inside, driven from
 * outside by {@link #execute} and {@link #advance}. Experimental.
 */
public interface Engine extends Scheduler, TaskContext, AutoCloseable {
    /**
     * Runs {@code body} as a new root emulated thread named {@code name} bound to {@code cpu}, from a
     * non-emulated Java thread, and returns its result once it has returned and every thread made
     * runnable meanwhile has run until it blocks (under {@code sim} without advancing virtual time
     * past what the root needed).
     *
     * <p>An exception thrown by {@code body} is rethrown (a checked one wrapped in a {@code
     * HotplugException} {@code EIO}). A crash of another emulated thread during the call fails with
     * {@link EngineFailureException}; a hang (deadlock, hung root, soft lockup, {@code sim} livelock)
     * with a {@link HangException} whose message is the full report; running out of Java heap with
     * {@code ENOMEM} and {@link OutOfHeap#message()}. After a soft lockup or an exhausted heap the
     * engine runs nothing more: every later call fails. Called from an emulated thread it fails with
     * {@code EPERM}.
     */
    <T> T execute(String name, int cpu, Callable<T> body);

    /** Runs {@code body} like {@link #execute(String, int, Callable)}, for bodies without a result. */
    void execute(String name, int cpu, Runnable body);

    /** Returns whether the calling Java thread is one of this engine's emulated threads. */
    boolean onEngineThread();

    /** Lets {@code duration} of engine time pass with no root task: timers fire and woken threads run. */
    void advance(Duration duration);

    /**
     * Registers what to add at the end of every hang report, e.g. the state every CPU was left in.
     * Called on the driver's Java thread while emulated threads may still run; keep it quick.
     */
    void onHang(java.util.function.Supplier<String> appendix);

    /**
     * Installs what reports an emulated thread blocking in atomic context: {@code handler} gets the
     * blocking primitive's kernel name (e.g. {@code mutex_lock}, {@code msleep}) on the offending
     * thread, and the thread then blocks as asked, as the kernel carries on after its report. With
     * no handler (the default) blocking in atomic context throws a {@link
     * org.hotplugemu.api.sched.KernelBugException}.
     */
    void onSleepInAtomic(java.util.function.Consumer<String> handler);

    /** Returns every live emulated thread in pid order. */
    List<ThreadReport> threads();

    /** Returns the seed this engine was created with. */
    long seed();

    /**
     * Returns how many times control has passed from one Java thread to another since creation:
     * under {@code sim} each baton handoff (to an emulated thread or back to the driver); under
     * {@code threads} each wake of a parked emulated thread. Read it between runs, not during one.
     */
    long switches();

    /** Ends every emulated thread by unwinding its stack quietly; the engine cannot be used afterwards. */
    @Override
    void close();
}
