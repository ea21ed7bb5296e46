package org.hotplugemu.core.state;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;

/** {@code freeze_secondary_cpus} and {@code thaw_secondary_cpus}, as suspend uses them. */
public final class Suspend {
    private final CpuhpState state;
    private final Hotplug hotplug;
    /** Guarded by {@code cpu_add_remove_lock}. */
    private final List<Integer> frozen = new ArrayList<>();
    private volatile boolean wakeupPending;

    Suspend(CpuhpState state, Hotplug hotplug) {
        this.state = requireNonNull(state, "state is null");
        this.hotplug = requireNonNull(hotplug, "hotplug is null");
    }

    /** Makes the next freeze abort with EBUSY, as a pending wakeup event does ({@code pm_wakeup_pending}). */
    public void setWakeupPending(boolean pending) {
        this.wakeupPending = pending;
    }

    public void freeze(int primary) {
        CallbackGuard.checkNotInCallback("freeze_secondary_cpus()");
        state.cpuAddRemoveLock().lock();
        try {
            int keep = state.masks().online().test(primary) ? primary : state.masks().online().first();
            frozen.clear();
            state.log().info("PM: Disabling non-boot CPUs ...");
            Outcome error = Outcome.OK;
            for (int cpu = 0; cpu < state.nrCpus(); cpu++) {
                if (cpu == keep || !state.masks().online().test(cpu)) {
                    continue;
                }
                if (wakeupPending) {
                    state.log().info("PM: Wakeup pending. Abort CPU freeze");
                    error = Outcome.failure(Errno.EBUSY, "a wakeup event is pending (pm_wakeup_pending)");
                    break;
                }
                error = hotplug.doCpuDown(cpu, 0);
                if (error.failed()) {
                    state.log().error("Error taking CPU" + cpu + " down: " + error.returnValue());
                    break;
                }
                frozen.add(cpu);
            }
            if (error.failed()) {
                state.log().error("Non-boot CPUs are not disabled");
            }
            // Hotplug stays disabled even on failure: every caller thaws on its failure path.
            state.disableHotplug();
            error.within("freezing secondary CPUs failed; thaw them to recover").orThrow();
        }
        finally {
            state.cpuAddRemoveLock().unlock();
        }
    }

    public void thaw() {
        CallbackGuard.checkNotInCallback("thaw_secondary_cpus()");
        state.cpuAddRemoveLock().lock();
        try {
            state.enableHotplug();
            if (frozen.isEmpty()) {
                return;
            }
            state.log().info("Enabling non-boot CPUs ...");
            for (int cpu : frozen) {
                Outcome error = hotplug.doCpuUp(cpu, state.profile().online());
                if (error.ok()) {
                    state.log().info("CPU" + cpu + " is up");
                }
                else {
                    state.log().warn("Error taking CPU" + cpu + " up: " + error.returnValue());
                }
            }
            frozen.clear();
        }
        finally {
            state.cpuAddRemoveLock().unlock();
        }
    }
}
