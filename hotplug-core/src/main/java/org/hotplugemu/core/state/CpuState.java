package org.hotplugemu.core.state;

import org.hotplugemu.arch.spi.sched.Completion;
import org.hotplugemu.arch.spi.sched.Scheduler;
import org.hotplugemu.core.api.HotplugInstance;
import org.hotplugemu.core.smpboot.KThread;

/**
 * Per-CPU hotplug data ({@code struct cpuhp_cpu_state}). Fields are volatile because the control
 * thread and the CPU's own threads hand them to each other through completions under the
 * {@code threads} engine.
 */
final class CpuState {
    /** {@code CPUHP_INVALID}: no fail armed. */
    static final int FAIL_DISARMED = -1;

    final int cpu;
    volatile int state;
    volatile int target;
    volatile int fail = FAIL_DISARMED;
    volatile boolean shouldRun;
    volatile boolean rollback;
    volatile boolean single;
    volatile boolean bringup;
    /** {@code dev->offline} of the CPU device: what {@code cpuN/online} shows; target writes leave it stale. */
    volatile boolean deviceOffline = true;
    volatile int cbState;
    volatile int result;
    /** The message of the first failure of the current operation, so the caller sees why, not just the errno. */
    volatile String failure;
    volatile HotplugInstance node;
    /** The instance that failed during a partial multi-instance walk on the AP ({@code st->last}). */
    volatile HotplugInstance last;
    volatile boolean lastSet;
    final Completion doneUp;
    final Completion doneDown;
    /** The {@code cpuhp/N} thread, created with the CPU's first {@code threads:prepare}. */
    volatile KThread thread;
    final ApSync sync;

    CpuState(int cpu, Scheduler scheduler) {
        this.cpu = cpu;
        this.doneUp = scheduler.newCompletion("done_up");
        this.doneDown = scheduler.newCompletion("done_down");
        this.sync = new ApSync(scheduler);
    }
}
