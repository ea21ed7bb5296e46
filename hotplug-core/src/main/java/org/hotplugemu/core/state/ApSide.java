package org.hotplugemu.core.state;

import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;
import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.core.engine.EngineShutdown;

/**
 * Both halves of bringing a CPU up and taking it down across the control CPU and the plugged CPU:
 * the control CPU's {@code bringup_cpu}, {@code cpuhp_kick_ap_alive}, {@code cpuhp_bringup_ap},
 * {@code takedown_cpu}, and the plugged CPU's {@code notify_cpu_starting},
 * {@code cpu_startup_entry}, {@code take_cpu_down} and dead reporting.
 */
final class ApSide {
    private final Hotplug hp;

    ApSide(Hotplug hp) {
        this.hp = hp;
    }

    /** {@code bringup_cpu}: kick the AP through the architecture and wait until it is online. */
    void bringupCpu(int cpu) {
        CpuState st = hp.cpus[cpu];
        prepareKick(st);
        hp.arch.bootSecondary(cpu, start(cpu));
        waitForApOnline(st);
    }

    /** {@code cpuhp_kick_ap_alive} (parallel bringup, CPUHP_BP_KICK_AP): kick, do not wait. */
    void kickApAlive(int cpu) {
        CpuState st = hp.cpus[cpu];
        int sync = st.sync.state;
        if (sync != ApSync.DEAD && sync != ApSync.KICKED && sync != ApSync.ALIVE) {
            throw new HotplugException(Errno.EAGAIN, "CPU" + cpu + " is in limbo (ap_sync_state " + ApSync.name(sync) + "), it cannot be kicked");
        }
        prepareKick(st);
        hp.arch.bootSecondary(cpu, start(cpu));
    }

    /** Forgets what an earlier, abandoned bringup of this CPU left in the handshakes. */
    private static void prepareKick(CpuState st) {
        st.sync.alive.reinit();
        st.sync.release.reinit();
        st.sync.state = ApSync.KICKED;
    }

    /** {@code cpuhp_bringup_ap} (parallel bringup, CPUHP_BRINGUP_CPU): release the kicked AP and wait. */
    void bringupAp(int cpu) {
        waitForApOnline(hp.cpus[cpu]);
    }

    private void waitForApOnline(CpuState st) {
        int cpu = st.cpu;
        if (!st.sync.alive.await(Hotplug.SYNC_TIMEOUT)) {
            hp.log.error("CPU" + cpu + " failed to report alive state");
            st.sync.state = ApSync.SHOULD_DIE;
            st.sync.release.complete();
            throw new HotplugException(Errno.EIO, "CPU" + cpu + " failed to report alive state within 10 s");
        }
        if (hp.splitStartup) {
            st.sync.state = ApSync.SHOULD_ONLINE;
            st.sync.release.complete();
        }
        // The AP runs its STARTING callbacks, marks itself online and reaches CPUHP_AP_ONLINE_IDLE.
        st.doneUp.await();
        if (!hp.masks.online().test(cpu)) {
            throw new HotplugException(Errno.ECANCELED, "CPU" + cpu + " reached idle but is not online");
        }
        st.thread.unpark();
        if (!hp.smtAllowed(cpu)) {
            throw new HotplugException(Errno.ECANCELED, "CPU" + cpu + " is an SMT sibling booted once with SMT " + hp.smtControl.text());
        }
        if (st.target <= hp.profile.apOnlineIdle()) {
            return;
        }
        int ret = hp.kickAp(st, st.target);
        if (ret != 0) {
            throw new HotplugException(Errno.ofNumber(ret), "CPU" + cpu + " ONLINE callbacks failed");
        }
    }

    /** {@code finish_cpu}: the idle task's memory is released; nothing to model. */
    void finishCpu(int cpu) {
    }

    /**
     * {@code takedown_cpu}: park {@code cpuhp/N}, stop the CPU, wait for its death, confirm it. When
     * the CPU refuses to stop, {@code cpuhp/N} is unparked before the failure returns, so the
     * rollback kick finds it running, as the kernel's failure path does.
     */
    void takedownCpu(int cpu) {
        CpuState st = hp.cpus[cpu];
        st.thread.park();
        st.sync.stopRequested = true;
        if (st.sync.idleThread != null) {
            hp.scheduler.unpark(st.sync.idleThread);
        }
        st.sync.stopDone.await();
        int err = st.sync.stopResult;
        if (err != 0) {
            // The CPU refused to die: let the hotplug thread roll back.
            st.thread.unpark();
            throw new HotplugException(Errno.ofNumber(err), "CPU" + cpu + " refused to go offline"
                    + (st.failure == null ? "" : ": " + st.failure));
        }
        boolean reportedDead = st.doneDown.await(Hotplug.SYNC_TIMEOUT);
        if (!reportedDead) {
            hp.log.error("CPU" + cpu + " failed to report dead state");
            st.state = hp.profile.apIdleDead();
            st.sync.state = ApSync.DEAD;
        }
        try {
            hp.arch.cpuDie(cpu, reportedDead);
        }
        catch (Throwable e) {
            EngineShutdown.rethrowIfUnwinding(e);
            // __cpu_die cannot fail: the CPU is offline for the kernel whatever the backend says.
            hp.log.error("CPU" + cpu + ": " + hp.arch.name() + " cpu_die threw " + e + "; the CPU is offline anyway");
        }
    }

    /**
     * {@code cpu_startup_entry} of the boot CPU: from now on its idle task runs on a hardware thread
     * of the backend, so the boot CPU goes offline and comes back like any other.
     */
    void startBootCpuIdle(int cpu) {
        hp.arch.startBootCpuIdle(new Start(cpu, true), hp.scheduler);
    }

    SecondaryStart start(int cpu) {
        return new Start(cpu, false);
    }

    /** {@code take_cpu_down}, on the dying CPU with interrupts off. */
    private int takeCpuDown(CpuState st) {
        hp.scheduler.enterAtomic();
        try {
            try {
                hp.arch.cpuDisable(st.cpu);
            }
            catch (HotplugException e) {
                st.failure = hp.arch.name() + " cpu_disable: " + e.getMessage();
                return e.returnValue();
            }
            catch (Throwable e) {
                EngineShutdown.rethrowIfUnwinding(e);
                hp.log.error("CPU" + st.cpu + ": " + hp.arch.name() + " cpu_disable threw " + e + "; treated as -EIO");
                st.failure = hp.arch.name() + " cpu_disable threw " + e;
                return -Errno.EIO.number();
            }
            hp.masks.setOnline(st.cpu, false);
            int target = Math.max(st.target, hp.profile.apOffline());
            hp.invoker.invokeRangeNoFail(st, false, target);
            return 0;
        }
        finally {
            hp.scheduler.exitAtomic();
        }
    }

    private final class Start implements SecondaryStart {
        private final int cpu;
        /** The boot CPU's idle entry: already online, nothing to complete before idling. */
        private final boolean bootCpu;
        private boolean abandoned;

        Start(int cpu, boolean bootCpu) {
            this.cpu = cpu;
            this.bootCpu = bootCpu;
        }

        @Override
        public int cpu() {
            return cpu;
        }

        @Override
        public void online() {
            if (bootCpu) {
                throw new IllegalStateException("CPU" + cpu + " is the boot CPU and already online");
            }
            CpuState st = hp.cpus[cpu];
            if (st.sync.state == ApSync.SHOULD_DIE) {
                abandoned = true;
                return;
            }
            st.sync.state = ApSync.ALIVE;
            st.sync.alive.complete();
            if (hp.splitStartup) {
                st.sync.release.await();
                if (st.sync.state == ApSync.SHOULD_DIE) {
                    abandoned = true;
                    return;
                }
            }
            else if (st.sync.state == ApSync.SHOULD_DIE) {
                abandoned = true;
                return;
            }
            hp.scheduler.enterAtomic();
            try {
                hp.masks.setBootedOnce(cpu);
                hp.invoker.invokeRangeNoFail(st, true, Math.min(st.target, hp.profile.apOnline()));
                hp.masks.setOnline(cpu, true);
            }
            finally {
                hp.scheduler.exitAtomic();
            }
        }

        @Override
        public void cpuStartupEntry() {
            CpuState st = hp.cpus[cpu];
            if (abandoned) {
                st.sync.state = ApSync.DEAD;
                return;
            }
            st.sync.idleThread = hp.scheduler.current();
            if (!bootCpu) {
                st.sync.state = ApSync.ONLINE;
                st.state = hp.profile.apOnlineIdle();
                st.doneUp.complete();
            }
            while (true) {
                while (!st.sync.stopRequested) {
                    hp.scheduler.park("idle");
                }
                st.sync.stopRequested = false;
                int result = takeCpuDown(st);
                st.sync.stopResult = result;
                st.sync.stopDone.complete();
                if (result == 0) {
                    break;
                }
            }
            // cpuhp_report_idle_dead: the CPU is off the online mask; tell the control CPU it is dead.
            st.state = hp.profile.apIdleDead();
            st.sync.state = ApSync.DEAD;
            st.sync.idleThread = null;
            st.doneDown.complete();
        }
    }
}
