package org.hotplugemu.core.state;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;

/** {@code freeze_secondary_cpus} and {@code thaw_secondary_cpus}, as suspend uses them. */
public final class Suspend {
    private final Hotplug hp;
    private final List<Integer> frozen = new ArrayList<>();
    private volatile boolean wakeupPending;

    public Suspend(Hotplug hp) {
        this.hp = requireNonNull(hp, "hp is null");
    }

    /** Makes the next freeze abort with EBUSY, as a pending wakeup event does ({@code pm_wakeup_pending}). */
    public void setWakeupPending(boolean pending) {
        this.wakeupPending = pending;
    }

    public void freeze(int primary) {
        CallbackGuard.checkNotInCallback("freeze_secondary_cpus()");
        hp.cpuAddRemoveLock.lock();
        try {
            int keep = hp.masks.online().test(primary) ? primary : hp.masks.online().first();
            frozen.clear();
            hp.log.info("PM: Disabling non-boot CPUs ...");
            int error = 0;
            for (int cpu = 0; cpu < hp.nrCpus(); cpu++) {
                if (cpu == keep || !hp.masks.online().test(cpu)) {
                    continue;
                }
                if (wakeupPending) {
                    hp.log.info("PM: Wakeup pending. Abort CPU freeze");
                    error = -Errno.EBUSY.number();
                    break;
                }
                error = hp.doCpuDown(cpu, 0);
                if (error != 0) {
                    hp.log.error("Error taking CPU" + cpu + " down: " + error);
                    break;
                }
                frozen.add(cpu);
            }
            if (error != 0) {
                hp.log.error("Non-boot CPUs are not disabled");
            }
            // Hotplug stays disabled even on failure: every caller thaws on its failure path.
            hp.disableHotplug();
            if (error != 0) {
                Errno errno = Errno.ofNumber(error);
                throw new HotplugException(errno, "freezing secondary CPUs failed: " + errno.text() + "; thaw them to recover");
            }
        }
        finally {
            hp.cpuAddRemoveLock.unlock();
        }
    }

    public void thaw() {
        CallbackGuard.checkNotInCallback("thaw_secondary_cpus()");
        hp.cpuAddRemoveLock.lock();
        try {
            hp.enableHotplug();
            if (frozen.isEmpty()) {
                return;
            }
            hp.log.info("Enabling non-boot CPUs ...");
            for (int cpu : frozen) {
                int error = hp.doCpuUp(cpu, hp.profile.online());
                if (error == 0) {
                    hp.log.info("CPU" + cpu + " is up");
                }
                else {
                    hp.log.warn("Error taking CPU" + cpu + " up: " + error);
                }
            }
            frozen.clear();
        }
        finally {
            hp.cpuAddRemoveLock.unlock();
        }
    }
}
