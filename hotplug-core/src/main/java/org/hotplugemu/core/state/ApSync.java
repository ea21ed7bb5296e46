package org.hotplugemu.core.state;

import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.EmulatedThread;
import org.hotplugemu.api.sched.Scheduler;

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
    /**
     * The start handed to the backend by the kick in progress, or null when there is none or the
     * control CPU gave up on it: only this start may report the CPU alive. Guarded by {@code this}
     * together with the ALIVE transition, so that a timeout and a late report cannot both win.
     */
    SecondaryStart kick;
    /** Completed by the AP when it reports ALIVE. */
    final Completion alive;
    /** Completed by the control CPU to let a parallel-booted AP go on (SHOULD_ONLINE or SHOULD_DIE). */
    final Completion release;
    /** The CPU's hardware-context thread while it runs kernel code ({@code swapper/N}). */
    volatile EmulatedThread idleThread;
    volatile boolean stopRequested;
    volatile Outcome stopResult = Outcome.OK;
    final Completion stopDone;
    /** Completed by the backend's {@code play_dead} ({@code cpuhp_ap_report_dead}) when it reports dead. */
    final Completion deadReport;
    /** Whether the CPU has reported itself idle-dead and may now report dead from {@code play_dead}. */
    volatile boolean mayReportDead;

    /** The AP's report: ALIVE if {@code start} is still the kick in progress; false if it was given up. */
    synchronized boolean reportAlive(SecondaryStart start) {
        if (kick != start || state == State.SHOULD_DIE) {
            return false;
        }
        state = State.ALIVE;
        return true;
    }

    /**
     * The control CPU gives up on the kick in progress unless the AP reported alive in the
     * meantime; returns whether it gave up. {@code next} is the state left behind.
     */
    synchronized boolean giveUp(State next) {
        if (state == State.ALIVE && kick != null) {
            return false;
        }
        kick = null;
        state = next;
        return true;
    }

    /** A start that was refused ends: the CPU is dead again unless a newer kick is in progress. */
    synchronized void abandoned(SecondaryStart start) {
        if (kick == null || kick == start) {
            kick = null;
            state = State.DEAD;
        }
    }

    /** A new kick begins: only {@code start} may report alive from now on. */
    synchronized void startKick(SecondaryStart start) {
        kick = start;
        state = State.KICKED;
    }

    ApSync(Scheduler scheduler) {
        this.alive = scheduler.newCompletion("ap_sync alive");
        this.release = scheduler.newCompletion("ap_sync should_online");
        this.stopDone = scheduler.newCompletion("stop_machine take_cpu_down");
        this.deadReport = scheduler.newCompletion("ap_sync dead");
    }
}
