package org.hotplugemu.arch.x86.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.EmulatedThread;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.sched.RwSemaphore;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.EngineOptions;
import org.hotplugemu.core.engine.Engines;

/**
 * The real {@code sim} engine, with a log of what the backend asked of it: the threads it spawned
 * and each {@code sleep} and {@code delay} with the thread that spent it. Every call is the
 * engine's; nothing is emulated here. Test code runs on the engine's {@code control} thread on
 * CPU 0 through {@link #control}.
 */
public final class RecordingScheduler implements Scheduler, AutoCloseable {
    /** One spent duration: which thread, {@code sleep} or {@code delay}, how long. */
    public record Spent(String thread, String kind, Duration duration) {
    }

    private static final Duration SETTLE_STEP = Duration.ofMillis(1);
    private static final int SETTLE_STEPS = 10_000;

    private final Engine engine = Engines.create("sim", EngineOptions.defaults());
    private final List<EmulatedThread> spawned = new ArrayList<>();
    private final List<Spent> spent = new ArrayList<>();

    /** Runs {@code body} on the control thread (CPU 0) and returns its result. */
    public <T> T control(Callable<T> body) {
        return engine.execute("control", 0, body);
    }

    /** Runs {@code body} on the control thread (CPU 0). */
    public void control(Runnable body) {
        engine.execute("control", 0, body);
    }

    /**
     * Lets engine time pass until every spawned thread has ended; returns how many were spawned
     * so far.
     *
     * @throws AssertionError when one still runs after 10 s of engine time
     */
    public int settle() {
        for (int step = 0; step < SETTLE_STEPS; step++) {
            if (alive().isEmpty()) {
                return spawnedNames().size();
            }
            engine.advance(SETTLE_STEP);
        }
        throw new AssertionError("spawned threads still running: " + alive());
    }

    private synchronized List<String> alive() {
        return spawned.stream().filter(EmulatedThread::isAlive).map(EmulatedThread::name).toList();
    }

    public synchronized List<String> spawnedNames() {
        return spawned.stream().map(EmulatedThread::name).toList();
    }

    public synchronized List<Spent> spent() {
        return List.copyOf(spent);
    }

    /** Returns the total {@code kind} ({@code sleep} or {@code delay}) that {@code thread} spent. */
    public synchronized Duration spentBy(String thread, String kind) {
        return spent.stream().filter(s -> s.thread().equals(thread) && s.kind().equals(kind))
                .map(Spent::duration).reduce(Duration.ZERO, Duration::plus);
    }

    private synchronized void record(String thread, String kind, Duration duration) {
        spent.add(new Spent(thread, kind, duration));
    }

    @Override
    public String engineName() {
        return engine.engineName();
    }

    @Override
    public EmulatedThread spawn(String name, int cpu, Runnable body) {
        EmulatedThread thread = engine.spawn(name, cpu, body);
        synchronized (this) {
            spawned.add(thread);
        }
        return thread;
    }

    @Override
    public EmulatedThread current() {
        return engine.current();
    }

    @Override
    public long nanoTime() {
        return engine.nanoTime();
    }

    @Override
    public void sleep(Duration duration) {
        engine.sleep(duration);
        record(engine.current().name(), "sleep", duration);
    }

    @Override
    public void delay(Duration duration) {
        engine.delay(duration);
        record(engine.current().name(), "delay", duration);
    }

    @Override
    public void yield() {
        engine.yield();
    }

    @Override
    public void park(String reason) {
        engine.park(reason);
    }

    @Override
    public void unpark(EmulatedThread thread) {
        engine.unpark(thread);
    }

    @Override
    public Completion newCompletion(String name) {
        return engine.newCompletion(name);
    }

    @Override
    public Mutex newMutex(String name) {
        return engine.newMutex(name);
    }

    @Override
    public RwSemaphore newRwSemaphore(String name) {
        return engine.newRwSemaphore(name);
    }

    @Override
    public void enterAtomic() {
        engine.enterAtomic();
    }

    @Override
    public void exitAtomic() {
        engine.exitAtomic();
    }

    @Override
    public boolean inAtomic() {
        return engine.inAtomic();
    }

    @Override
    public void close() {
        engine.close();
    }
}
