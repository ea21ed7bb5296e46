package org.hotplugemu.core.state;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.sched.RwSemaphore;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.core.engine.LockMap;
import org.hotplugemu.core.profile.Profile;

/**
 * The kernel's CPU hotplug state of one machine and its one owner: the global variables of
 * {@code kernel/cpu.c} and the per-CPU {@code cpuhp_cpu_state}. Every other class of this package
 * works on the state through the instance it receives in its constructor; nothing else holds it.
 *
 * <p>Locking, as in the kernel:
 * <ul>
 * <li>{@link #cpuAddRemoveLock} ({@code cpu_maps_update_begin}) serialises the operations that
 *     move CPUs: {@code cpu_up}, {@code cpu_down}, the SMT switch, freeze and thaw. It is the one
 *     external serialisation of the state machine; it also guards {@link #smtControl} writes and
 *     {@link #hotplugDisabled}.</li>
 * <li>{@link #cpuHotplugLock} ({@code cpus_write_lock}) is held for write while a CPU moves, and
 *     for read by registrations, so that the table and the CPUs' states do not move under each
 *     other.</li>
 * <li>{@link #stateMutex} ({@code cpuhp_state_mutex}) guards the callbacks and instances of the
 *     {@link #table() step table}, and registration-time invocations.</li>
 * <li>Per-CPU fields follow the rule written on {@link CpuState}; masks are atomic bitmaps written
 *     by the thread that owns the CPU's operation and read anywhere.</li>
 * </ul>
 */
final class CpuhpState {
    private final Scheduler scheduler;
    private final KernelLog log;
    private final Profile profile;
    private final StepTable table;
    private final Masks masks;
    private final CpuState[] cpus;
    private final Mutex cpuAddRemoveLock;
    private final RwSemaphore cpuHotplugLock;
    private final Mutex stateMutex;
    /** Lockdep's {@code cpuhp_state-up} and {@code -down}: what the hotplug thread runs callbacks under. */
    private final LockMap upMap;
    private final LockMap downMap;
    /** Written under {@link #cpuAddRemoveLock}; read anywhere. */
    private volatile SmtControl smtControl;
    /** {@code cpu_hotplug_disabled}: guarded by {@link #cpuAddRemoveLock}. */
    private int hotplugDisabled;

    CpuhpState(Scheduler scheduler, KernelLog log, Profile profile, int nrCpus, SmtControl smtControl) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.log = requireNonNull(log, "log is null");
        this.profile = requireNonNull(profile, "profile is null");
        this.smtControl = requireNonNull(smtControl, "smtControl is null");
        this.table = new StepTable(profile);
        this.masks = new Masks(nrCpus);
        this.cpus = new CpuState[nrCpus];
        for (int cpu = 0; cpu < nrCpus; cpu++) {
            cpus[cpu] = new CpuState(cpu, scheduler);
        }
        this.cpuAddRemoveLock = scheduler.newMutex("cpu_add_remove_lock");
        this.cpuHotplugLock = scheduler.newRwSemaphore("cpu_hotplug_lock");
        this.stateMutex = scheduler.newMutex("cpuhp_state_mutex");
        this.upMap = LockMap.create(scheduler, "cpuhp_state-up");
        this.downMap = LockMap.create(scheduler, "cpuhp_state-down");
    }

    Scheduler scheduler() {
        return scheduler;
    }

    KernelLog log() {
        return log;
    }

    Profile profile() {
        return profile;
    }

    StepTable table() {
        return table;
    }

    Masks masks() {
        return masks;
    }

    int nrCpus() {
        return cpus.length;
    }

    /** Returns the hotplug data of {@code cpu}; EINVAL for a CPU this machine does not have. */
    CpuState cpu(int cpu) {
        if (cpu < 0 || cpu >= cpus.length) {
            throw new HotplugException(Errno.EINVAL, "CPU " + cpu + " does not exist: this machine has CPUs 0-" + (cpus.length - 1));
        }
        return cpus[cpu];
    }

    Mutex cpuAddRemoveLock() {
        return cpuAddRemoveLock;
    }

    RwSemaphore cpuHotplugLock() {
        return cpuHotplugLock;
    }

    Mutex stateMutex() {
        return stateMutex;
    }

    /** Lockdep's map of the hotplug thread's walk up ({@code cpuhp_state-up}) or down. */
    LockMap cpuhpMap(boolean bringup) {
        return bringup ? upMap : downMap;
    }

    /**
     * {@code cpuhp_lock_acquire}/{@code release} of both maps at once, as the kernel does before it
     * kicks {@code cpuhp/N}: lockdep learns what the callbacks run under, the caller's locks.
     */
    void touchCpuhpMaps() {
        downMap.touch();
        upMap.touch();
    }

    SmtControl smtControl() {
        return smtControl;
    }

    /** Sets the SMT control; the caller holds {@link #cpuAddRemoveLock}. */
    void setSmtControl(SmtControl control) {
        this.smtControl = requireNonNull(control, "control is null");
    }

    /** Returns whether hotplug is disabled (secondaries frozen); the caller holds {@link #cpuAddRemoveLock}. */
    boolean hotplugDisabled() {
        return hotplugDisabled > 0;
    }

    /** {@code cpu_hotplug_disable}; the caller holds {@link #cpuAddRemoveLock}. */
    void disableHotplug() {
        hotplugDisabled++;
    }

    /** {@code cpu_hotplug_enable}; the caller holds {@link #cpuAddRemoveLock}. */
    void enableHotplug() {
        if (hotplugDisabled > 0) {
            hotplugDisabled--;
        }
    }
}
