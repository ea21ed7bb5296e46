package org.hotplugemu.core.smpboot;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.core.engine.CallChain;

import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.EmulatedThread;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.core.engine.EngineShutdown;
import org.hotplugemu.core.engine.PluginLoaderScope;

/**
 * A per-CPU kernel thread with the smpboot loop ({@code smpboot_thread_fn}): it parks when asked,
 * runs its function while {@code shouldRun} holds, and otherwise sleeps until woken. Created parked.
 * What the thread's functions throw is logged like an oops and the loop goes on, so a broken
 * plugin thread cannot leave {@link #park()} waiting forever.
 */
public final class KThread {
    private final Scheduler scheduler;
    private final int cpu;
    private final IntPredicate shouldRun;
    private final IntConsumer run;
    private final IntConsumer parkHook;
    private final IntConsumer unparkHook;
    private final Completion parked;
    private final KernelLog log;
    private final String name;
    private final EmulatedThread thread;
    private volatile boolean shouldPark = true;

    public KThread(Scheduler scheduler, KernelLog log, String name, int cpu, IntPredicate shouldRun, IntConsumer run,
            IntConsumer parkHook, IntConsumer unparkHook) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.log = requireNonNull(log, "log is null");
        this.name = requireNonNull(name, "name is null");
        this.cpu = cpu;
        this.shouldRun = requireNonNull(shouldRun, "shouldRun is null");
        this.run = requireNonNull(run, "run is null");
        this.parkHook = requireNonNull(parkHook, "parkHook is null");
        this.unparkHook = requireNonNull(unparkHook, "unparkHook is null");
        this.parked = scheduler.newCompletion("kthread_park " + name);
        this.thread = scheduler.spawn(name, cpu, this::loop);
    }

    private void loop() {
        // The thread runs its owner's functions only: a plugin's smpboot thread has the plugin's loader.
        PluginLoaderScope.dedicate(run);
        CallChain.enter("smpboot_thread_fn");
        boolean everRan = false;
        while (true) {
            // Created parked, like kthread_create_on_cpu + kthread_park: even when unparked before it
            // first ran, the thread passes through the parked state and runs its unpark hook.
            if (shouldPark || !everRan) {
                if (everRan) {
                    guarded(parkHook, "park");
                }
                parked.complete();
                while (shouldPark) {
                    scheduler.park("parked");
                }
                everRan = true;
                guarded(unparkHook, "unpark");
                continue;
            }
            if (guardedTest()) {
                guarded(run, "thread_fn");
            }
            else {
                scheduler.park("idle");
            }
        }
    }

    private void guarded(IntConsumer function, String what) {
        try {
            function.accept(cpu);
        }
        catch (Throwable e) {
            EngineShutdown.rethrowIfUnwinding(e);
            log.error("BUG: " + name + " (CPU " + cpu + "): " + what + " threw " + e + "; the thread goes on");
        }
    }

    private boolean guardedTest() {
        try {
            return shouldRun.test(cpu);
        }
        catch (Throwable e) {
            EngineShutdown.rethrowIfUnwinding(e);
            log.error("BUG: " + name + " (CPU " + cpu + "): thread_should_run threw " + e + "; treated as false");
            return false;
        }
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

}
