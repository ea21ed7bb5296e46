package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;

/**
 * The driver-facing frame both engines share: task threads, the root of a run, crash collection and
 * the checks around execute, advance and close. Each engine only says how its threads take turns.
 */
abstract class EngineLifecycle extends EngineSupport {
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

    EngineLifecycle(EngineOptions options) {
        super(options);
    }

    // ---- what each engine provides ----

    /** Runs on the task's own thread before its body; returns false to skip the body. */
    abstract boolean beginTask(Task task);

    /** Runs on the task's own thread after it died and left the registry. */
    abstract void endTask(Task task);

    /**
     * Starts the registered root task and returns once the run is over: null when the root returned,
     * else the header of a deadlock or hung-task report. Called under the external lock.
     */
    abstract String runRoot(Task task);

    /** Lets the emulated threads run for {@code nanos} of engine time. Called under the external lock. */
    abstract void runFor(long nanos);

    /** Unwinds every live task; called once, under the external lock, with {@link #closing} set. */
    abstract void shutDown();

    // ---- task threads ----

    /** Starts the Java thread of a registered task. */
    final void start(Task task) {
        task.thread = Thread.ofVirtual().name(task.name).unstarted(() -> runTask(task));
        task.thread.start();
    }

    private void runTask(Task task) {
        try {
            if (beginTask(task)) {
                task.body.run();
            }
        } catch (EngineShutdown quiet) {
            // close() unwinds the stack; nothing to report.
        } catch (Throwable error) {
            recordCrash(task, error);
        } finally {
            task.state = Task.DEAD;
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
            String failure = runRoot(task);
            throwCrash();
            if (failure != null) {
                throw new DeadlockException(report(failure));
            }
            if (rootError != null) {
                throw rethrow(rootError);
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
            takeCrash();
            runFor(nanos);
            throwCrash();
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

    // ---- report headers ----

    final String deadlockHeader() {
        return "deadlock: every emulated thread is blocked and no timer is pending at " + formatTime(nanoTime());
    }

    final String hungHeader(Task task) {
        return "INFO: task " + task.name + ":" + task.pid + " blocked for more than "
                + options.hungTaskTimeout().toSeconds() + " seconds.";
    }

    /** Builds the per-thread lines of a deadlock or hung-task report under {@code header}. */
    private String report(String header) {
        StringBuilder text = new StringBuilder(header);
        for (Task task : live.values()) {
            text.append('\n').append(task.report().reportLine());
        }
        return text.toString();
    }
}
