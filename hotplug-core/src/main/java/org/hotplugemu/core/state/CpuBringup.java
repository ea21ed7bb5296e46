package org.hotplugemu.core.state;

import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.BringupWaits;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.core.engine.EngineShutdown;

/**
 * The control CPU's half of bringing a CPU up and taking it down, the core's own PREPARE-section
 * steps: {@code bringup_cpu}, {@code cpuhp_kick_ap_alive} and {@code cpuhp_bringup_ap} (parallel
 * bringup), {@code takedown_cpu} and {@code finish_cpu}. The plugged CPU's half is
 * {@link ApStartup}'s. The steps report failure by throwing, as every callback does; the walker
 * turns that into an {@link Outcome}.
 */
final class CpuBringup {

    private final CpuhpState state;
    private final HotplugThreads threads;
    private final ApStartup ap;
    private final Architecture arch;
    private final boolean splitStartup;
    /** The backend's alive and dead waits for this machine's profile, asked for once. */
    private BringupWaits waits;

    CpuBringup(CpuhpState state, HotplugThreads threads, ApStartup ap, Architecture arch, boolean splitStartup) {
        this.state = state;
        this.threads = threads;
        this.ap = ap;
        this.arch = arch;
        this.splitStartup = splitStartup;
    }

    /** {@code bringup_cpu}: kick the AP through the architecture and wait until it is online. */
    void bringupCpu(int cpu) {
        CpuState st = state.cpu(cpu);
        kick(st);
        waitForApOnline(st);
    }

    /** {@code cpuhp_kick_ap_alive} (parallel bringup, CPUHP_BP_KICK_AP): kick, do not wait. */
    void kickApAlive(int cpu) {
        CpuState st = state.cpu(cpu);
        ApSync.State sync = st.sync.state;
        if (sync != ApSync.State.DEAD && sync != ApSync.State.KICKED && sync != ApSync.State.ALIVE) {
            throw new HotplugException(Errno.EAGAIN, "CPU" + cpu + " is in limbo (ap_sync_state " + sync + "), it cannot be kicked");
        }
        kick(st);
    }

    /**
     * Forgets what an earlier, abandoned bringup of this CPU left in the handshakes and wakes the
     * CPU through the backend. When the backend fails, the kick is given up: a late
     * {@code online()} of it is refused, and the CPU stays KICKED, which may be kicked again.
     */
    private void kick(CpuState st) {
        st.sync.alive.reinit();
        st.sync.release.reinit();
        SecondaryStart start = ap.secondary(st.cpu);
        st.sync.startKick(start);
        try {
            arch.bootSecondary(st.cpu, start);
        }
        catch (Throwable e) {
            st.sync.giveUp(ApSync.State.KICKED);
            throw e;
        }
    }

    /** Returns the backend's waits, asking it once; a backend that fails to answer gets the kernel's. */
    BringupWaits waits() {
        BringupWaits result = waits;
        if (result == null) {
            try {
                result = arch.bringupWaits(state.profile().name(), state.profile().kernel());
            }
            catch (RuntimeException e) {
                state.log().error(arch.name() + " bringup_waits threw " + e + "; using the kernel's generic waits");
            }
            if (result == null) {
                result = BringupWaits.KERNEL;
            }
            waits = result;
        }
        return result;
    }

    /** {@code cpuhp_bringup_ap} (parallel bringup, CPUHP_BRINGUP_CPU): release the kicked AP and wait. */
    void bringupAp(int cpu) {
        waitForApOnline(state.cpu(cpu));
    }

    private void waitForApOnline(CpuState st) {
        int cpu = st.cpu;
        BringupWaits waits = waits();
        if (!st.sync.alive.await(waits.alive()) && st.sync.giveUp(ApSync.State.SHOULD_DIE)) {
            state.log().error(waits.aliveMessage(cpu));
            st.sync.release.complete();
            throw new HotplugException(Errno.EIO, waits.aliveMessage(cpu) + " within " + BringupWaits.describe(waits.alive()));
        }
        if (splitStartup) {
            st.sync.state = ApSync.State.SHOULD_ONLINE;
            st.sync.release.complete();
        }
        // The AP runs its STARTING callbacks, marks itself online and reaches CPUHP_AP_ONLINE_IDLE.
        st.doneUp.await();
        if (!state.masks().online().test(cpu)) {
            throw new HotplugException(Errno.ECANCELED, "CPU" + cpu + " reached idle but is not online");
        }
        st.thread.unpark();
        if (!smtAllowed(cpu)) {
            throw new HotplugException(Errno.ECANCELED, "CPU" + cpu + " is an SMT sibling booted once with SMT " + state.smtControl().text());
        }
        if (st.target > state.profile().apOnlineIdle()) {
            threads.kickAp(st, st.target).within("CPU" + cpu + " ONLINE callbacks failed").orThrow();
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
        CpuState st = state.cpu(cpu);
        st.thread.park();
        st.sync.deadReport.reinit();
        st.sync.mayReportDead = false;
        st.sync.stopRequested = true;
        if (st.sync.idleThread != null) {
            state.scheduler().unpark(st.sync.idleThread);
        }
        st.sync.stopDone.await();
        Outcome stopped = st.sync.stopResult;
        if (stopped.failed()) {
            // The CPU refused to die: let the hotplug thread roll back.
            st.thread.unpark();
            stopped.within("CPU" + cpu + " refused to go offline").orThrow();
        }
        BringupWaits waits = waits();
        long deadline = state.scheduler().nanoTime() + waits.dead().toNanos();
        boolean reportedDead = st.doneDown.await(waits.dead());
        if (reportedDead && arch.reportsDeadFromPlayDead()) {
            // cpuhp_bp_sync_dead: the backend's play_dead says when its last action is done.
            long left = Math.max(1, deadline - state.scheduler().nanoTime());
            reportedDead = st.sync.deadReport.await(java.time.Duration.ofNanos(left));
        }
        if (!reportedDead) {
            // CONFIG_HOTPLUG_CORE_SYNC_DEAD (6.5+) logs the generic message; before it the
            // architecture's __cpu_die logs its own, if the backend declared one.
            boolean generic = waits.deadMessage().equals(BringupWaits.KERNEL.deadMessage());
            if (!generic || state.profile().kernelVersion().atLeast(6, 5)) {
                state.log().error(waits.deadMessage(cpu));
            }
            st.state = state.profile().apIdleDead();
            st.sync.state = ApSync.State.DEAD;
        }
        try {
            arch.cpuDie(cpu, reportedDead);
        }
        catch (Throwable e) {
            EngineShutdown.rethrowIfUnwinding(e);
            // __cpu_die cannot fail: the CPU is offline for the kernel whatever the backend says.
            state.log().error("CPU" + cpu + ": " + arch.name() + " cpu_die threw " + e + "; the CPU is offline anyway");
        }
    }

    /**
     * {@code cpu_startup_entry} of the boot CPU: from now on its idle task runs on a hardware thread
     * of the backend, so the boot CPU goes offline and comes back like any other.
     */
    void startBootCpuIdle(int cpu) {
        arch.startBootCpuIdle(ap.bootCpu(cpu), state.scheduler());
    }

    boolean isPrimaryThread(int cpu) {
        return arch.topology().get(cpu).primaryThread();
    }

    /** {@code cpu_smt_allowed}. */
    boolean smtAllowed(int cpu) {
        SmtControl control = state.smtControl();
        if (control == SmtControl.ON || control == SmtControl.NOT_SUPPORTED || control == SmtControl.NOT_IMPLEMENTED) {
            return true;
        }
        if (isPrimaryThread(cpu)) {
            return true;
        }
        // x86 boots every thread once so it can set CR4.MCE; such a sibling then goes back offline.
        return arch.siblingsMustBootOnce() && !state.masks().bootedOnce().test(cpu);
    }
}
