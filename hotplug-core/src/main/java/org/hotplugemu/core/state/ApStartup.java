package org.hotplugemu.core.state;

import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.core.engine.EngineShutdown;
import org.hotplugemu.core.engine.CallChain;

/**
 * The plugged CPU's half of hotplug, on its own hardware thread: {@code start_secondary}'s generic
 * part ({@code notify_cpu_starting}, setting itself online), {@code cpu_startup_entry} and the
 * idle loop, {@code take_cpu_down} with interrupts off, and reporting itself dead. The backend
 * runs it through the {@link SecondaryStart} handed to {@code bootSecondary}, or for the boot CPU
 * to {@code startBootCpuIdle}.
 */
final class ApStartup {
    private final CpuhpState state;
    private final Invoker invoker;
    private final Architecture arch;
    /** Parallel bringup: the AP waits for the control CPU's release after reporting alive. */
    private final boolean splitStartup;

    ApStartup(CpuhpState state, Invoker invoker, Architecture arch, boolean splitStartup) {
        this.state = state;
        this.invoker = invoker;
        this.arch = arch;
        this.splitStartup = splitStartup;
    }

    /** Returns what {@code cpu}'s hardware thread runs after the backend woke it. */
    SecondaryStart secondary(int cpu) {
        return new Start(cpu, false);
    }

    /** Returns the boot CPU's idle entry: it is online already and only idles until taken down. */
    SecondaryStart bootCpu(int cpu) {
        return new Start(cpu, true);
    }

    /** {@code take_cpu_down}, on the dying CPU with interrupts off. */
    private Outcome takeCpuDown(CpuState st) {
        state.scheduler().enterAtomic();
        CallChain.enter("take_cpu_down");
        try {
            try {
                arch.cpuDisable(st.cpu);
            }
            catch (HotplugException e) {
                return Outcome.failure(e.errno(), arch.name() + " cpu_disable: " + e.getMessage());
            }
            catch (Throwable e) {
                EngineShutdown.rethrowIfUnwinding(e);
                state.log().error("CPU" + st.cpu + ": " + arch.name() + " cpu_disable threw " + e + "; treated as -EIO");
                return Outcome.failure(Errno.EIO, arch.name() + " cpu_disable threw " + e);
            }
            state.masks().setOnline(st.cpu, false);
            int target = Math.max(st.target, state.profile().apOffline());
            invoker.invokeRange(st, false, target, true);
            return Outcome.OK;
        }
        finally {
            CallChain.exit();
            state.scheduler().exitAtomic();
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
            CpuState st = state.cpu(cpu);
            if (!st.sync.reportAlive(this)) {
                // Late: the control CPU gave up on this kick. The CPU stays off the online mask.
                abandoned = true;
                return;
            }
            st.sync.alive.complete();
            if (splitStartup) {
                st.sync.release.await();
            }
            if (st.sync.state == ApSync.State.SHOULD_DIE) {
                abandoned = true;
                return;
            }
            state.scheduler().enterAtomic();
            CallChain.enter("notify_cpu_starting");
            try {
                state.masks().setBootedOnce(cpu);
                invoker.invokeRange(st, true, Math.min(st.target, state.profile().apOnline()), true);
                state.masks().setOnline(cpu, true);
            }
            finally {
                CallChain.exit();
                state.scheduler().exitAtomic();
            }
        }

        @Override
        public void cpuStartupEntry() {
            CpuState st = state.cpu(cpu);
            if (abandoned) {
                st.sync.abandoned(this);
                return;
            }
            st.sync.idleThread = state.scheduler().current();
            if (!bootCpu) {
                st.sync.state = ApSync.State.ONLINE;
                st.state = state.profile().apOnlineIdle();
                st.doneUp.complete();
            }
            while (true) {
                while (!st.sync.stopRequested) {
                    state.scheduler().park("idle");
                }
                st.sync.stopRequested = false;
                Outcome result = takeCpuDown(st);
                st.sync.stopResult = result;
                st.sync.stopDone.complete();
                if (result.ok()) {
                    break;
                }
            }
            // cpuhp_report_idle_dead: the CPU is off the online mask; tell the control CPU it is dead.
            st.state = state.profile().apIdleDead();
            st.sync.state = ApSync.State.DEAD;
            st.sync.idleThread = null;
            st.sync.mayReportDead = true;
            st.doneDown.complete();
        }

        @Override
        public void reportDead() {
            CpuState st = state.cpu(cpu);
            if (!arch.reportsDeadFromPlayDead()) {
                throw new IllegalStateException(arch.name() + " does not report dead from play_dead (reportsDeadFromPlayDead is false)");
            }
            if (!st.sync.mayReportDead) {
                throw new IllegalStateException("CPU" + cpu + " reported dead but is not dead");
            }
            st.sync.mayReportDead = false;
            st.sync.deadReport.complete();
        }
    }
}
