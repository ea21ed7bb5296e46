package org.hotplugemu.core.state;

import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.core.smpboot.KThread;

/**
 * Per-CPU hotplug data ({@code struct cpuhp_cpu_state}), owned by {@link CpuhpState}.
 *
 * <p>Ownership rule: an operation on the CPU holds {@code cpu_add_remove_lock} (and
 * {@code cpu_hotplug_lock} for write, or {@code cpuhp_state_mutex} for a registration call), and
 * at any time exactly one emulated thread works on these fields: the control thread, or the CPU's
 * own {@code cpuhp/N} or hardware thread while the control thread waits for it on
 * {@link #doneUp}/{@link #doneDown}. The completions order the hand-offs under the {@code threads}
 * engine. Only {@link #state}, {@link #target} and {@link #fail} are read outside an operation (by
 * sysfs and the invariant checker), so only they are volatile.
 */
final class CpuState {
    /** {@code CPUHP_INVALID}: no fail armed. */
    static final int FAIL_DISARMED = -1;

    final int cpu;
    volatile int state;
    volatile int target;
    volatile int fail = FAIL_DISARMED;
    boolean shouldRun;
    boolean rollback;
    /** A single callback invocation on {@code cpuhp/N} (registration), not a walk. */
    boolean single;
    boolean bringup;
    /** {@code dev->offline} of the CPU device: what {@code cpuN/online} shows; target writes leave it stale. */
    volatile boolean deviceOffline = true;
    /** The state of a {@link #single} invocation. */
    int cbState;
    /** What the last step run by {@code cpuhp/N} gave. */
    Outcome result = Outcome.OK;
    /** The instance of a {@link #single} invocation, or null for all of them. */
    HotplugInstance node;
    /** The instance that failed during a partial multi-instance walk on the AP ({@code st->last}), or null. */
    HotplugInstance last;
    final Completion doneUp;
    final Completion doneDown;
    /** The {@code cpuhp/N} thread, created with the CPU's first {@code threads:prepare}. */
    KThread thread;
    final ApSync sync;

    CpuState(int cpu, Scheduler scheduler) {
        this.cpu = cpu;
        this.doneUp = scheduler.newCompletion("done_up");
        this.doneDown = scheduler.newCompletion("done_down");
        this.sync = new ApSync(scheduler);
    }
}
