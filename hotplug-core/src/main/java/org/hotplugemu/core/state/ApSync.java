package org.hotplugemu.core.state;

import org.hotplugemu.arch.spi.sched.Completion;
import org.hotplugemu.arch.spi.sched.EmulatedThread;
import org.hotplugemu.arch.spi.sched.Scheduler;

/**
 * The handshakes between the control CPU and a plugged CPU's hardware context: the alive/online
 * synchronisation of parallel bringup ({@code ap_sync_state}), and the stop-machine request that
 * runs {@code take_cpu_down} on the dying CPU. Fields are volatile: the two sides meet here without
 * a lock, as the kernel's atomics do.
 */
final class ApSync {
    /** {@code enum cpuhp_sync_state}. */
    enum State {
        DEAD, KICKED, SHOULD_DIE, ALIVE, SHOULD_ONLINE, ONLINE
    }

    volatile State state = State.DEAD;
    /** Completed by the AP when it reports ALIVE. */
    final Completion alive;
    /** Completed by the control CPU to let a parallel-booted AP go on (SHOULD_ONLINE or SHOULD_DIE). */
    final Completion release;
    /** The CPU's hardware-context thread while it runs kernel code ({@code swapper/N}). */
    volatile EmulatedThread idleThread;
    volatile boolean stopRequested;
    volatile Outcome stopResult = Outcome.OK;
    final Completion stopDone;

    ApSync(Scheduler scheduler) {
        this.alive = scheduler.newCompletion("ap_sync alive");
        this.release = scheduler.newCompletion("ap_sync should_online");
        this.stopDone = scheduler.newCompletion("stop_machine take_cpu_down");
    }
}
