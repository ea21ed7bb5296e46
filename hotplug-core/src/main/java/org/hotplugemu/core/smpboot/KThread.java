package org.hotplugemu.core.smpboot;

import static java.util.Objects.requireNonNull;

import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.hotplugemu.arch.spi.sched.Completion;
import org.hotplugemu.arch.spi.sched.EmulatedThread;
import org.hotplugemu.arch.spi.sched.Scheduler;

/**
 * A per-CPU kernel thread with the smpboot loop ({@code smpboot_thread_fn}): it parks when asked,
 * runs its function while {@code shouldRun} holds, and otherwise sleeps until woken. Created parked.
 */
public final class KThread {
    private final Scheduler scheduler;
    private final int cpu;
    private final IntPredicate shouldRun;
    private final IntConsumer run;
    private final IntConsumer parkHook;
    private final IntConsumer unparkHook;
    private final Completion parked;
    private final EmulatedThread thread;
    private volatile boolean shouldPark = true;
    private volatile boolean isParked;

    public KThread(Scheduler scheduler, String name, int cpu, IntPredicate shouldRun, IntConsumer run, IntConsumer parkHook, IntConsumer unparkHook) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.cpu = cpu;
        this.shouldRun = requireNonNull(shouldRun, "shouldRun is null");
        this.run = requireNonNull(run, "run is null");
        this.parkHook = requireNonNull(parkHook, "parkHook is null");
        this.unparkHook = requireNonNull(unparkHook, "unparkHook is null");
        this.parked = scheduler.newCompletion("kthread_park " + name);
        this.thread = scheduler.spawn(name, cpu, this::loop);
    }

    private void loop() {
        boolean everRan = false;
        while (true) {
            if (shouldPark) {
                if (everRan) {
                    parkHook.accept(cpu);
                }
                isParked = true;
                parked.complete();
                while (shouldPark) {
                    scheduler.park("parked");
                }
                isParked = false;
                everRan = true;
                unparkHook.accept(cpu);
                continue;
            }
            if (shouldRun.test(cpu)) {
                run.accept(cpu);
            }
            else {
                scheduler.park("idle");
            }
        }
    }

    public EmulatedThread thread() {
        return thread;
    }

    public String name() {
        return thread.name();
    }

    /** Makes the thread re-check its work ({@code wake_up_process}). */
    public void wake() {
        scheduler.unpark(thread);
    }

    /** {@code kthread_park}: asks the thread to park and waits until it has. */
    public void park() {
        if (shouldPark) {
            return;
        }
        parked.reinit();
        shouldPark = true;
        scheduler.unpark(thread);
        parked.await();
    }

    /** {@code kthread_unpark}: lets a parked thread run again. */
    public void unpark() {
        if (!shouldPark) {
            return;
        }
        shouldPark = false;
        scheduler.unpark(thread);
    }

    public boolean isParked() {
        return isParked && shouldPark;
    }
}
