package org.hotplugemu.core.engine;

import java.util.ArrayList;
import java.util.concurrent.locks.LockSupport;
import org.hotplugemu.api.sched.EmulatedThread;

/**
 * The deterministic engine: one emulated thread runs at a time, holding a baton passed with
 * park/unpark; at each switch point a seeded PRNG picks the next runnable thread, and virtual time
 * jumps to the earliest timer when nothing is runnable. Same seed and inputs, same schedule. The
 * {@link SimSchedule} in the options decides how much a seed explores (see {@link SimChooser}).
 */
final class SimEngine extends EngineLifecycle {
    static final String NAME = "sim";

    /** What the driving thread asked for: nothing, run execute's body, advance time, or shut down. */
    private enum Mode { IDLE, EXECUTE, ADVANCE, CLOSE }

    /** How a drive ended, when it ended in a hang. */
    private enum Outcome { NONE, DEADLOCK, HUNG, LIVELOCK }

    private final SimChooser chooser;
    /** Runnable tasks other than the baton holder, in a deterministic order. */
    private final ArrayList<Task> runnable = new ArrayList<>();
    private final SimTimers timers = new SimTimers();
    /**
     * Set when the baton comes back to the thread outside the engine that drives it, which parks
     * meanwhile. Not a Semaphore: with the heap exhausted, AQS retries its node allocation forever
     * and the driver would never see the timeout its watchdog needs.
     */
    private volatile boolean handedBack;
    private volatile Thread driver;
    private volatile Task running;
    private volatile long clock;

    // State of the current run, touched only by the baton holder or the driver between runs.
    private Mode mode = Mode.IDLE;
    private Outcome outcome = Outcome.NONE;
    private long limit;
    /** The task of the current {@link #runRoot}: while it keeps running, the hung-task limit moves on. */
    private Task root;
    /** Written only by the baton holder; volatile so that the driver's soft-lockup watchdog sees progress. */
    private volatile long switches;

    private final SimWatchdog watchdog;
    /** The soft lockup that ended the current run; driver only. */
    private Hang lockup;
    /** Set once a soft lockup gave up on the baton holder: no thread gets the baton again. */
    private volatile boolean abandoned;

    SimEngine(EngineOptions options) {
        super(options);
        this.chooser = new SimChooser(options.seed(), options.schedule());
        this.watchdog = new SimWatchdog(options, () -> handedBack, () -> switches, () -> clock, () -> running,
                () -> outOfMemory != null);
    }

    @Override
    public String engineName() {
        return NAME;
    }

    @Override
    public long nanoTime() {
        return clock;
    }

    @Override
    public long switches() {
        return switches;
    }

    @Override
    Task currentOrNull() {
        Task task = running;
        return task != null && task.thread == Thread.currentThread() ? task : null;
    }

    @Override
    public EmulatedThread spawn(String name, int cpu, Runnable body) {
        Task self = currentOrNull();
        if (self != null) {
            Task task = newTask(name, cpu, body);
            kthreadFrames(task);
            runnable.add(task);
            start(task);
            preempt(self);
            return task;
        }
        externalLock.lock();
        try {
            checkOpen("spawn");
            Task task = newTask(name, cpu, body);
            kthreadFrames(task);
            runnable.add(task);
            start(task);
            return task;
        } finally {
            externalLock.unlock();
        }
    }

    @Override
    boolean beginTask(Task task) {
        awaitBaton(task);
        return true;
    }

    @Override
    void endTask(Task task) {
        chooser.forget(task);
        if (!abandoned) {
            handOff(pickNext());
        }
    }

    @Override
    boolean block(Task self, Task.State kind, String reason, long deadline) {
        if (self == root && mode == Mode.EXECUTE) {
            // khungtaskd reports a task that has not run for the timeout, not one that runs long: a
            // root still making progress (the boot CPU bringing up 512 CPUs at qemu's pace) is not hung.
            limit = Math.max(limit, clock + options.hungTaskTimeout().toNanos());
        }
        if (self.permit) {
            self.permit = false;
            return true;
        }
        if (closing) {
            throw EngineShutdown.INSTANCE;
        }
        if (deadline >= 0 && deadline <= clock) {
            return false;
        }
        if (deadline >= 0) {
            deadline += chooser.jitter();
        }
        if (deadline >= 0 && canJumpTo(deadline)) {
            // Nothing else could run before this deadline: pickNext would choose this very timer, so
            // jump the clock without the queue round-trip (udelay of every callback takes this path).
            clock = deadline;
            return false;
        }
        self.reason = reason;
        self.deadline = deadline;
        self.since = clock;
        self.timedOut = false;
        self.state = kind;
        if (deadline >= 0) {
            timers.add(self, deadline);
        }
        switchTo(self, pickNext());
        return !self.timedOut;
    }

    /** Returns whether a timer at {@code deadline} is the next thing pickNext would run. */
    private boolean canJumpTo(long deadline) {
        if (!runnable.isEmpty() || mode == Mode.CLOSE || mode == Mode.EXECUTE && rootDone || deadline > limit) {
            return false;
        }
        long first = timers.firstDeadline();
        return first < 0 || first > deadline;
    }

    @Override
    void wake(Task task) {
        Task.State state = task.state;
        if (state == Task.State.BLOCKED || state == Task.State.SLEEPING) {
            task.timerGeneration++;
            task.state = Task.State.RUNNABLE;
            task.since = clock;
            runnable.add(task);
        } else if (state == Task.State.RUNNABLE) {
            task.permit = true;
        }
    }

    @Override
    void preempt(Task self) {
        if (self.atomicDepth > 0 || closing || runnable.isEmpty()) {
            return;
        }
        runnable.add(self);
        switchTo(self, pickNext());
    }

    @Override
    public void yield() {
        Task self = self("yield");
        if (closing) {
            throw EngineShutdown.INSTANCE; // a thread looping on cond_resched would keep close() waiting
        }
        EngineChecks.mightSleep(self, "cond_resched");
        if (livelocked()) {
            // Alone on the CPU, a cond_resched loop never switches: end the run from here.
            runnable.add(self);
            switchTo(self, null);
            return;
        }
        preempt(self);
    }

    private void switchTo(Task self, Task next) {
        if (abandoned) {
            throw EngineShutdown.INSTANCE;
        }
        if (next != self) {
            handOff(next);
            awaitBaton(self);
        }
    }

    private void handOff(Task next) {
        switches++;
        if (next == null) {
            running = null;
            handedBack = true;
            LockSupport.unpark(driver);
        } else {
            running = next;
            LockSupport.unpark(next.thread);
        }
    }

    private void awaitBaton(Task self) {
        while (running != self) {
            if (abandoned) {
                throw EngineShutdown.INSTANCE;
            }
            LockSupport.park(this);
        }
        if (closing) {
            throw EngineShutdown.INSTANCE;
        }
    }

    /** Chooses who runs next; null hands control back to the driver (run over, deadlock or hung). */
    private Task pickNext() {
        if (livelocked()) {
            return null;
        }
        while (true) {
            int size = runnable.size();
            if (size > 0) {
                int index = chooser.choose(runnable, running, switches);
                Task last = runnable.remove(size - 1);
                if (index == size - 1) {
                    return last;
                }
                return runnable.set(index, last);
            }
            if (mode == Mode.CLOSE || mode == Mode.EXECUTE && rootDone) {
                return null;
            }
            long first = timers.firstDeadline();
            if (first < 0 || first > limit) {
                if (mode == Mode.ADVANCE || first >= 0) {
                    clock = Math.max(clock, limit);
                }
                if (mode == Mode.EXECUTE) {
                    outcome = first < 0 ? Outcome.DEADLOCK : Outcome.HUNG;
                }
                return null;
            }
            clock = Math.max(clock, first);
            for (Task task = timers.pollDue(clock); task != null; task = timers.pollDue(clock)) {
                task.timerGeneration++;
                task.timedOut = true;
                task.state = Task.State.RUNNABLE;
                task.since = clock;
                runnable.add(task);
            }
        }
    }

    /** Counts a scheduling point; true, with the run's outcome set, when the threads livelock. */
    private boolean livelocked() {
        if (mode == Mode.CLOSE || mode == Mode.IDLE || !watchdog.livelock(clock)) {
            return false;
        }
        outcome = Outcome.LIVELOCK;
        return true;
    }

    /** Lets the emulated threads run until pickNext hands control back; caller holds externalLock. */
    private void drive() {
        Task next = pickNext();
        if (next != null) {
            handedBack = false;
            driver = Thread.currentThread();
            handOff(next);
            Hang hang = watchdog.awaitHandback();
            if (!handedBack) {
                // A soft lockup or an exhausted heap: give up on the baton holder.
                lockup = hang;
                abandoned = true;
            }
        }
    }

    @Override
    Hang runRoot(Task task) {
        outcome = Outcome.NONE;
        mode = Mode.EXECUTE;
        limit = clock + options.hungTaskTimeout().toNanos();
        root = task;
        runnable.add(task);
        start(task);
        drive();
        mode = Mode.IDLE;
        return outcome(task);
    }

    private Hang outcome(Task root) {
        if (lockup != null) {
            Hang hang = lockup;
            lockup = null;
            return hang;
        }
        return switch (outcome) {
            case DEADLOCK -> deadlock();
            case HUNG -> hung(root);
            case LIVELOCK -> watchdog.livelockReport(clock);
            case NONE -> null;
        };
    }

    @Override
    Hang runFor(long nanos) {
        outcome = Outcome.NONE;
        mode = Mode.ADVANCE;
        limit = clock + nanos;
        drive();
        mode = Mode.IDLE;
        return outcome(null);
    }

    @Override
    void shutDown() {
        if (abandoned) {
            // The baton holder is lost in plain Java: wake every other thread so that it unwinds.
            for (Task task : live.values()) {
                if (task.thread != null) {
                    LockSupport.unpark(task.thread);
                }
            }
            timers.clear();
            return;
        }
        mode = Mode.CLOSE;
        for (Task task : live.values()) {
            if (task.state == Task.State.BLOCKED || task.state == Task.State.SLEEPING) {
                task.state = Task.State.RUNNABLE;
                runnable.add(task);
            }
        }
        drive();
        timers.clear();
    }
}
