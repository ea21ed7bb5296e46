package org.hotplugemu.core.state;

import org.hotplugemu.arch.spi.sched.Completion;
import org.hotplugemu.arch.spi.sched.EmulatedThread;
import org.hotplugemu.arch.spi.sched.Scheduler;

/**
 * The handshakes between the control CPU and a plugged CPU's hardware context: the alive/online
 * synchronisation of parallel bringup ({@code ap_sync_state}), and the stop-machine request that
 * runs {@code take_cpu_down} on the dying CPU.
 */
final class ApSync {
    static final int DEAD = 0;
    static final int KICKED = 1;
    static final int SHOULD_DIE = 2;
    static final int ALIVE = 3;
    static final int SHOULD_ONLINE = 4;
    static final int ONLINE = 5;

    volatile int state = DEAD;
    /** Completed by the AP when it reports ALIVE. */
    final Completion alive;
    /** Completed by the control CPU to let a parallel-booted AP go on (SHOULD_ONLINE or SHOULD_DIE). */
    final Completion release;
    /** The CPU's hardware-context thread while it runs kernel code ({@code swapper/N}). */
    volatile EmulatedThread idleThread;
    volatile boolean stopRequested;
    volatile int stopResult;
    final Completion stopDone;

    ApSync(Scheduler scheduler) {
        this.alive = scheduler.newCompletion("ap_sync alive");
        this.release = scheduler.newCompletion("ap_sync should_online");
        this.stopDone = scheduler.newCompletion("stop_machine take_cpu_down");
    }

    static String name(int state) {
        return switch (state) {
            case DEAD -> "DEAD";
            case KICKED -> "KICKED";
            case SHOULD_DIE -> "SHOULD_DIE";
            case ALIVE -> "ALIVE";
            case SHOULD_ONLINE -> "SHOULD_ONLINE";
            case ONLINE -> "ONLINE";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
