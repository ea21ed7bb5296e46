package org.hotplugemu.core.engine;

import java.util.concurrent.atomic.AtomicInteger;
import org.hotplugemu.arch.spi.PrintkTime;
import org.hotplugemu.api.sched.EmulatedThread;

/**
 * One emulated thread. Fields marked "sim" are touched only by the baton holder; fields marked
 * "primitive" only under the lock of the primitive the task waits on.
 */
final class Task implements EmulatedThread {
    /** Where a task is in its life: running or ready, waiting on a primitive, in a timed sleep, or finished. */
    enum State {
        RUNNABLE, BLOCKED, SLEEPING, DEAD;

        /** Returns the state as a {@link ThreadReport} shows it (a finished task is not reported). */
        ThreadReport.State view() {
            return switch (this) {
                case SLEEPING -> ThreadReport.State.SLEEPING;
                case BLOCKED -> ThreadReport.State.BLOCKED;
                case RUNNABLE, DEAD -> ThreadReport.State.RUNNABLE;
            };
        }
    }

    final EngineSupport engine;
    final int pid;
    final String name;
    final int cpu;
    final Runnable body;
    Thread thread;

    /** Own thread only: nesting depth of atomic context. */
    int atomicDepth;

    /** Primitive: set when the primitive handed this task what it waits for. */
    volatile boolean granted;
    /** Primitive: waits for the write side of a rwsem. */
    boolean waitsForWrite;
    /** Park state, guarded by the engine's park lock. */
    boolean parkPermit;
    boolean parkWaiting;

    /** What {@link ThreadReport} shows; written by the engine. */
    volatile State state = State.RUNNABLE;
    volatile String reason = "";
    volatile long deadline = -1;
    volatile long since;
    volatile boolean started;
    /** What the core labelled this thread as running (a callback symbol); see {@link EngineActivity}. */
    volatile String activity = "";
    /** The hotplug callback this task runs, or null; and the activity it had before the outermost one. Own thread only. */
    String callback;
    String activityOutsideCallback = "";
    /** The primitive this thread is blocked on, for the holder in reports; null when none. */
    volatile Blocker blocker;
    /** Real {@code System.nanoTime()} of the last time this thread was seen in the engine (soft-lockup watchdog). */
    volatile long touched = System.nanoTime();

    /** sim: a wake arrived while not blocked. */
    boolean permit;
    /** sim: the last block ended by its timer. */
    boolean timedOut;
    /** sim: generation of the current timer, so cancelled timers are recognised. */
    int timerGeneration;

    /** Lockdep, own thread only: the locks held, oldest first; null until lockdep sees one here. */
    HeldLock[] heldLocks;
    int heldDepth;
    /** Lockdep, own thread only: the emulated call chain, outermost first (see {@link CallChain}). */
    String[] frames;
    int frameDepth;

    /** threads: 0 runnable, 1 runnable with a pending wake, 2 blocked. */
    final AtomicInteger wakeState = new AtomicInteger();
    /** threads: set by close() to unwind the task. */
    volatile boolean killed;

    Task(EngineSupport engine, int pid, String name, int cpu, Runnable body) {
        this.engine = engine;
        this.pid = pid;
        this.name = name;
        this.cpu = cpu;
        this.body = body;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int cpu() {
        return cpu;
    }

    @Override
    public boolean isAlive() {
        return started && state != State.DEAD;
    }

    @Override
    public String waitingOn() {
        State s = state;
        if (s == State.SLEEPING) {
            return reason + " until " + PrintkTime.seconds(deadline);
        }
        return s == State.BLOCKED ? reason : "";
    }

    ThreadReport report() {
        State s = state;
        ThreadReport.State view = s.view();
        Blocker on = blocker;
        String holder = s == State.BLOCKED && on != null ? on.holders() : "";
        return new ThreadReport(pid, name, cpu, view, waitingOn(), since, activity, holder);
    }

    @Override
    public String toString() {
        return name + "/" + pid;
    }
}
