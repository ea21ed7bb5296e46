package org.hotplugemu.arch.x86.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.EmulatedThread;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.sched.RwSemaphore;
import org.hotplugemu.api.sched.Scheduler;

/**
 * A single-threaded scheduler for unit tests: a virtual clock that {@code sleep} and {@code delay}
 * advance, spawned threads queued until {@link #runSpawned()} runs them one after the other.
 */
public final class TestingScheduler implements Scheduler {
    /** One spent duration: which thread, {@code sleep} or {@code delay}, how long. */
    public record Spent(String thread, String kind, Duration duration) {
    }

    private final Deque<TestingThread> queued = new ArrayDeque<>();
    private final List<TestingThread> spawned = new ArrayList<>();
    private final List<Spent> spent = new ArrayList<>();
    private TestingThread current = new TestingThread("control", 0, 1);
    private long nanos;
    private int atomic;
    private int nextPid = 2;

    @Override
    public String engineName() {
        return "testing";
    }

    @Override
    public EmulatedThread spawn(String name, int cpu, Runnable body) {
        TestingThread thread = new TestingThread(name, cpu, nextPid++);
        thread.body = body;
        queued.add(thread);
        spawned.add(thread);
        return thread;
    }

    /** Runs every queued thread to its end, in spawn order; returns how many ran. */
    public int runSpawned() {
        int ran = 0;
        while (!queued.isEmpty()) {
            TestingThread thread = queued.poll();
            TestingThread previous = current;
            current = thread;
            thread.alive = true;
            try {
                thread.body.run();
            }
            finally {
                thread.alive = false;
                current = previous;
            }
            ran++;
        }
        return ran;
    }

    public List<String> spawnedNames() {
        return spawned.stream().map(TestingThread::name).toList();
    }

    public List<Spent> spent() {
        return List.copyOf(spent);
    }

    /** Returns the total time {@code thread} spent in {@code kind} ({@code sleep} or {@code delay}). */
    public Duration spentBy(String thread, String kind) {
        return spent.stream().filter(s -> s.thread().equals(thread) && s.kind().equals(kind))
                .map(Spent::duration).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public EmulatedThread current() {
        return current;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        if (atomic > 0) {
            throw new IllegalStateException("BUG: sleeping function called from invalid context");
        }
        spent.add(new Spent(current.name(), "sleep", duration));
        nanos += duration.toNanos();
    }

    @Override
    public void delay(Duration duration) {
        spent.add(new Spent(current.name(), "delay", duration));
        nanos += duration.toNanos();
    }

    @Override
    public void yield() {
    }

    @Override
    public void park(String reason) {
        throw new UnsupportedOperationException("park is not modelled by TestingScheduler");
    }

    @Override
    public void unpark(EmulatedThread thread) {
        throw new UnsupportedOperationException("unpark is not modelled by TestingScheduler");
    }

    @Override
    public Completion newCompletion(String name) {
        throw new UnsupportedOperationException("completions are not modelled by TestingScheduler");
    }

    @Override
    public Mutex newMutex(String name) {
        return new Mutex() {
            private EmulatedThread owner;

            @Override
            public String name() {
                return name;
            }

            @Override
            public void lock() {
                if (owner != null) {
                    throw new IllegalStateException(name + " is held by " + owner.name() + ": a single-threaded test cannot wait for it");
                }
                owner = current;
            }

            @Override
            public boolean tryLock() {
                if (owner != null) {
                    return false;
                }
                owner = current;
                return true;
            }

            @Override
            public void unlock() {
                owner = null;
            }

            @Override
            public boolean isHeldByCurrentThread() {
                return owner == current;
            }
        };
    }

    @Override
    public RwSemaphore newRwSemaphore(String name) {
        throw new UnsupportedOperationException("rw semaphores are not modelled by TestingScheduler");
    }

    @Override
    public void enterAtomic() {
        atomic++;
    }

    @Override
    public void exitAtomic() {
        atomic--;
    }

    @Override
    public boolean inAtomic() {
        return atomic > 0;
    }

    private static final class TestingThread implements EmulatedThread {
        private final String name;
        private final int cpu;
        private final int pid;
        private Runnable body;
        private boolean alive;

        TestingThread(String name, int cpu, int pid) {
            this.name = name;
            this.cpu = cpu;
            this.pid = pid;
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
            return alive;
        }

        @Override
        public String waitingOn() {
            return "";
        }
    }
}
