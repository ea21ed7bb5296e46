package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.PrintkTime;

/**
 * The driver-facing frame both engines share: task threads, the root of a run, crash collection and
 * the checks around execute, advance and close. Each engine only says how its threads take turns.
 */
abstract class EngineLifecycle extends EngineSupport {
    /** The emulated thread a Java thread runs, whatever its engine; for {@link EngineActivity}. */
    static final ThreadLocal<Task> RUNNING = new ThreadLocal<>();

    /** Serialises execute, advance, close and external spawns. */
    final ReentrantLock externalLock = new ReentrantLock();
    volatile boolean closing;
    /** The task of the current execute call, and whether it has finished. */
    volatile Task root;
    volatile boolean rootDone;
    private volatile Object rootResult;
    private volatile Throwable rootError;
    /** The first crash of a non-root thread since the current run started. */
    private volatile Task crashedTask;
    private volatile Throwable crash;
    /** Set when an emulated thread ran out of Java heap; the run ends as soon as the driver sees it. */
    volatile OutOfMemoryError outOfMemory;
    /** The report of the soft lockup that stopped this engine; null while it can run code. */
    private volatile String stoppedBy;
    /** Set when an exhausted heap stopped this engine. */
    private volatile boolean stoppedByHeap;
    private volatile Supplier<String> hangAppendix = () -> "";

    EngineLifecycle(EngineOptions options) {
        super(options);
        OutOfHeap.message(); // loaded now: there may be no heap left to load it when it is needed
    }

    // ---- what each engine provides ----

    /** Runs on the task's own thread before its body; returns false to skip the body. */
    abstract boolean beginTask(Task task);

    /** Runs on the task's own thread after it died and left the registry. */
    abstract void endTask(Task task);

    /**
     * Starts the registered root task and returns once the run is over: null when the root returned,
     * else the hang that ended it. Called under the external lock.
     */
    abstract Hang runRoot(Task task);

    /**
     * Lets the emulated threads run for {@code nanos} of engine time; returns null, or the hang
     * that ended the run early. Called under the external lock.
     */
    abstract Hang runFor(long nanos);

    /** Unwinds every live task; called once, under the external lock, with {@link #closing} set. */
    abstract void shutDown();

    // ---- task threads ----

    /** Starts the Java thread of a registered task. */
    final void start(Task task) {
        task.thread = Thread.ofVirtual().name(task.name).unstarted(() -> runTask(task));
        task.thread.start();
    }

    private void runTask(Task task) {
        RUNNING.set(task);
        try {
            if (beginTask(task)) {
                task.body.run();
            }
        } catch (EngineShutdown quiet) {
            // close() unwinds the stack; nothing to report.
        } catch (OutOfMemoryError exhausted) {
            // Allocate nothing here: record it so that the driver ends the run at once.
            outOfMemory = exhausted;
            recordCrash(task, exhausted);
        } catch (Throwable error) {
            recordCrash(task, error);
        } finally {
            task.state = Task.State.DEAD;
            live.remove(task.pid);
            if (task == root) {
                rootDone = true;
            }
            endTask(task);
        }
    }

    private void recordCrash(Task task, Throwable error) {
        if (crash == null) {
            crashedTask = task;
            crash = error;
        }
    }

    /** Returns and forgets the crash recorded since the last call, as the exception execute throws. */
    private EngineFailureException takeCrash() {
        Throwable error = crash;
        if (error == null) {
            return null;
        }
        Task task = crashedTask;
        crash = null;
        crashedTask = null;
        return new EngineFailureException(task.name, task.pid, error);
    }

    private void throwCrash() {
        EngineFailureException failure = takeCrash();
        if (failure != null) {
            throw failure;
        }
    }

    // ---- runs ----

    @Override
    public final void execute(String name, int cpu, Runnable body) {
        requireNonNull(body, "body is null");
        execute(name, cpu, (Callable<Void>) () -> {
            body.run();
            return null;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T> T execute(String name, int cpu, Callable<T> body) {
        rejectEmulatedCaller("execute");
        requireNonNull(body, "body is null");
        externalLock.lock();
        try {
            checkOpen("execute");
            checkRunning("execute");
            takeCrash();
            rootDone = false;
            rootResult = null;
            rootError = null;
            Task task = newTask(name, cpu, () -> {
                try {
                    rootResult = body.call();
                } catch (EngineShutdown shutdown) {
                    throw shutdown;
                } catch (Throwable error) {
                    rootError = error;
                }
            });
            root = task;
            Hang hang = runRoot(task);
            throwIfOutOfMemory(rootError);
            throwCrash();
            if (hang != null) {
                throw hangFailure(hang);
            }
            if (rootError != null) {
                throw EngineChecks.rethrow(rootError);
            }
            return (T) rootResult;
        } finally {
            root = null;
            rootResult = null;
            rootError = null;
            externalLock.unlock();
        }
    }

    @Override
    public final void advance(Duration duration) {
        rejectEmulatedCaller("advance");
        long nanos = toNanos(duration, "advance");
        externalLock.lock();
        try {
            checkOpen("advance");
            checkRunning("advance");
            takeCrash();
            Hang hang = runFor(nanos);
            throwIfOutOfMemory(null);
            throwCrash();
            if (hang != null) {
                throw hangFailure(hang);
            }
        } finally {
            externalLock.unlock();
        }
    }

    @Override
    public final void close() {
        rejectEmulatedCaller("close");
        externalLock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            shutDown();
        } finally {
            externalLock.unlock();
        }
    }

    final void checkOpen(String method) {
        if (closing) {
            throw new HotplugException(Errno.EPERM, method + " on a closed " + engineName()
                    + " engine; create a new engine");
        }
    }

    private void rejectEmulatedCaller(String method) {
        Task task = currentOrNull();
        if (task != null) {
            throw new HotplugException(Errno.EPERM, method + " called from emulated thread '" + task.name
                    + "'; call it from outside the engine");
        }
    }

    // ---- hang reports ----

    final Hang deadlock() {
        return new Hang(HangException.Kind.DEADLOCK,
                "deadlock: every emulated thread is blocked and no timer is pending at " + PrintkTime.seconds(nanoTime()));
    }

    final Hang hung(Task task) {
        return new Hang(HangException.Kind.HUNG_TASK, "INFO: task " + task.name + ":" + task.pid
                + " blocked for more than " + options.hungTaskTimeout().toSeconds() + " seconds.");
    }

    @Override
    public final void onHang(Supplier<String> appendix) {
        hangAppendix = requireNonNull(appendix, "appendix is null");
    }

    /**
     * After a soft lockup a thread may still run plain Java holding engine state, and after an
     * exhausted heap threads died anywhere: run nothing more.
     */
    private void checkRunning(String method) {
        String report = stoppedBy;
        if (stoppedByHeap) {
            throw OutOfHeap.failure(null);
        }
        if (report != null) {
            throw new HangException(HangException.Kind.SOFT_LOCKUP, method + " on a " + engineName()
                    + " engine stopped by an earlier failure; create a new machine. The failure was:\n" + report,
                    List.of(), "");
        }
    }

    /** Ends the call with the heap message when an emulated thread (or the root) ran out of heap. */
    private void throwIfOutOfMemory(Throwable rootFailure) {
        OutOfMemoryError exhausted = outOfMemory;
        if (exhausted == null && rootFailure instanceof OutOfMemoryError fromRoot) {
            exhausted = fromRoot;
        }
        if (exhausted != null) {
            crash = null; // no EngineFailureException: with the heap full, allocate as little as possible
            crashedTask = null;
            stoppedByHeap = true;
            throw OutOfHeap.failure(exhausted);
        }
    }

    /** Builds the exception for {@code hang}; a stopped engine refuses to run anything afterwards. */
    private HangException hangFailure(Hang hang) {
        if (!hang.engineUsable()) {
            stoppedBy = hang.header();
        }
        if (hang.kind() != HangException.Kind.DEADLOCK && OutOfHeap.nearlyExhausted()) {
            // A stall with a full heap is the heap's fault, not the emulated code's: say so.
            hang.interruptStuck();
            stoppedByHeap = true;
            throw OutOfHeap.failure(null);
        }
        List<Task> tasks = List.copyOf(live.values());
        List<ThreadReport> reports = tasks.stream().map(Task::report).toList();
        StringBuilder text = new StringBuilder(hang.header());
        if (!hang.detail().isEmpty()) {
            text.append('\n').append(hang.detail());
        }
        for (ThreadReport report : reports) {
            text.append('\n').append(report.reportLine());
        }
        String appendix = describeMachine();
        if (!appendix.isEmpty()) {
            text.append('\n').append(appendix);
        }
        String message = text.toString();
        if (!hang.engineUsable()) {
            stoppedBy = message;
        }
        String stacks = HangReports.javaStacks(tasks);
        hang.interruptStuck();
        return hang.kind() == HangException.Kind.DEADLOCK ? new DeadlockException(message, reports, stacks)
                : new HangException(hang.kind(), message, reports, stacks);
    }

    private String describeMachine() {
        try {
            return hangAppendix.get();
        } catch (RuntimeException e) {
            return "(the machine state could not be read: " + e + ")";
        }
    }
}
