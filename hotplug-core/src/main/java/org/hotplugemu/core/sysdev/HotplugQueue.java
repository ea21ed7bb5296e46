package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.EmulatedThread;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.sched.Scheduler;

/**
 * The single hot-plug request queue: an emulated ordered workqueue with {@code max_active} 1 (the
 * kernel's {@code kacpi_hotplug}), served by one worker thread on the engine. Each work item runs
 * with the device hot-plug lock held ({@code lock_device_hotplug}), the lock sysfs
 * {@code online} writes take too, so a hot-plug request and an online/offline never interleave.
 *
 * <p>Call {@link #queue} from an emulated thread.
 */
public final class HotplugQueue {
    /** A queued work item: {@link #done()} completes once it ran. */
    public record Work(String name, Runnable body, Completion done) {
    }

    private final Scheduler scheduler;
    private final Mutex deviceHotplugLock;
    private final Deque<Work> pending = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile EmulatedThread worker;
    private int sequence;

    public HotplugQueue(Scheduler scheduler) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.deviceHotplugLock = scheduler.newMutex("device_hotplug_lock");
    }

    /** The device hot-plug lock ({@code lock_device_hotplug}). */
    public Mutex deviceHotplugLock() {
        return deviceHotplugLock;
    }

    /** Queues {@code body}; returns at once. Wait on the work's {@link Work#done()} for it to finish. */
    public Work queue(String name, Runnable body) {
        Work work;
        synchronized (pending) {
            work = new Work(name, requireNonNull(body, "body is null"), scheduler.newCompletion(name + "#" + ++sequence));
            pending.addLast(work);
        }
        // Spawning may switch threads: never under the monitor.
        if (started.compareAndSet(false, true)) {
            worker = scheduler.spawn("kacpi_hotplug", 0, this::serve);
        }
        EmulatedThread wake = worker;
        if (wake != null) {
            scheduler.unpark(wake);
        }
        return work;
    }

    /** Returns how many items wait, not counting one that runs. */
    public int pending() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private void serve() {
        while (true) {
            Work work;
            synchronized (pending) {
                work = pending.pollFirst();
            }
            if (work == null) {
                scheduler.park("worker_thread");
                continue;
            }
            deviceHotplugLock.lock();
            try {
                work.body().run();
            }
            catch (RuntimeException e) {
                // The body reports its own failure through its request; a work item never kills the worker.
            }
            finally {
                deviceHotplugLock.unlock();
                work.done().complete();
            }
        }
    }
}
