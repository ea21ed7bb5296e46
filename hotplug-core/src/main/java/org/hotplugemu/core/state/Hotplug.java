package org.hotplugemu.core.state;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.engine.CallChain;
import org.hotplugemu.core.profile.Profile;

/**
 * The CPU hotplug state machine of one machine ({@code kernel/cpu.c}): {@code cpu_up} and
 * {@code cpu_down} with their rollback, the SMT switch, and the operations the sysfs files call.
 * The state it moves is {@link CpuhpState}'s; the walk is {@link Invoker}'s; the control CPU's
 * bring-up and takedown are {@link CpuBringup}'s, the plugged CPU's {@link ApStartup}'s, the
 * {@code cpuhp/N} protocol {@link HotplugThreads}'. Built by {@link Cpuhp}.
 */
public final class Hotplug implements HotplugOperations {
    private final CpuhpState state;
    private final Invoker invoker;
    private final HotplugThreads threads;
    private final CpuBringup bringup;
    private final WorkOnCpu workOnCpu;
    /** The boot CPU when boot left its target below its state (6.1), else -1; written once, at boot. */
    private int bootCpuTargetUnset = -1;

    Hotplug(CpuhpState state, Invoker invoker, HotplugThreads threads, CpuBringup bringup, WorkOnCpu workOnCpu) {
        this.state = state;
        this.invoker = invoker;
        this.threads = threads;
        this.bringup = bringup;
        this.workOnCpu = workOnCpu;
    }

    @Override
    public Masks masks() {
        return state.masks();
    }

    @Override
    public Profile profile() {
        return state.profile();
    }

    @Override
    public int nrCpus() {
        return state.nrCpus();
    }

    @Override
    public int state(int cpu) {
        return state.cpu(cpu).state;
    }

    @Override
    public int target(int cpu) {
        return state.cpu(cpu).target;
    }

    /**
     * The state {@code cpu} should rest at when no operation runs: its target, except that 6.1's
     * {@code boot_cpu_hotplug_init} leaves the boot CPU's target 0 until its first operation, a
     * target nobody acts on.
     */
    public int restingTarget(int cpu) {
        CpuState st = state.cpu(cpu);
        boolean bootLeftover = cpu == bootCpuTargetUnset && st.target == 0 && st.state == profile().online();
        return bootLeftover ? st.state : st.target;
    }

    @Override
    public int fail(int cpu) {
        return state.cpu(cpu).fail;
    }

    /** Makes the boot CPU ONLINE with its {@code cpuhp/0} thread running ({@code boot_cpu_hotplug_init}) and its idle task started. */
    public void initBootCpu(int cpu) {
        initBootCpu(cpu, profile().online());
        startHotplugThread(cpu);
    }

    /**
     * {@code boot_cpu_hotplug_init}: makes the boot CPU ONLINE with {@code target} as its target
     * (6.1 leaves it 0, 6.12 sets the online state) and no hotplug thread yet: until
     * {@link #startHotplugThread} ({@code cpuhp_threads_init} in {@code smp_init}) registrations run
     * its callbacks directly on the caller.
     */
    public void initBootCpu(int cpu, int target) {
        CpuState st = state.cpu(cpu);
        bootCpuTargetUnset = target == profile().online() ? -1 : cpu;
        st.state = profile().online();
        st.target = target;
        masks().setOnline(cpu, true);
        masks().setActive(cpu, true);
        masks().setBootedOnce(cpu);
        st.sync.state = ApSync.State.ONLINE;
        st.deviceOffline = false;
    }

    /** {@code cpuhp_threads_init} for the boot CPU: creates and starts its {@code cpuhp/N} thread and its idle task. */
    public void startHotplugThread(int cpu) {
        CpuState st = state.cpu(cpu);
        threads.create(cpu);
        st.thread.unpark();
        bringup.startBootCpuIdle(cpu);
    }

    @Override
    public void cpuUp(int cpu, int target) {
        CallbackGuard.checkNotInCallback("cpu_up()");
        checkTarget(target);
        if (cpu < 0 || cpu >= nrCpus() || !masks().possible().test(cpu)) {
            state.log().error("can't online cpu " + cpu + " because it is not configured as may-hotadd at boot time");
            throw new HotplugException(Errno.EINVAL, "CPU " + cpu + " is not possible on this machine (CPUs 0-" + (nrCpus() - 1) + ")");
        }
        CallChain.enter("cpu_up");
        state.cpuAddRemoveLock().lock();
        try {
            if (state.hotplugDisabled()) {
                throw new HotplugException(Errno.EBUSY, "CPU hotplug is disabled (secondary CPUs are frozen)");
            }
            if (!bringup.smtAllowed(cpu)) {
                throw new HotplugException(Errno.EPERM, "CPU " + cpu + " is an SMT sibling and SMT is " + state.smtControl().text());
            }
            doCpuUp(cpu, target).orThrow();
        }
        finally {
            state.cpuAddRemoveLock().unlock();
            CallChain.exit();
        }
    }

    @Override
    public void cpuDown(int cpu, int target) {
        CallbackGuard.checkNotInCallback("cpu_down()");
        checkTarget(target);
        state.cpu(cpu);
        CallChain.enter("cpu_down");
        state.cpuAddRemoveLock().lock();
        try {
            if (state.hotplugDisabled()) {
                throw new HotplugException(Errno.EBUSY, "CPU hotplug is disabled (secondary CPUs are frozen)");
            }
            cpuDownMapsLocked(cpu, target).orThrow();
        }
        finally {
            state.cpuAddRemoveLock().unlock();
            CallChain.exit();
        }
    }

    private void checkTarget(int target) {
        if (target < 0 || target > profile().online()) {
            throw new HotplugException(Errno.EINVAL, "target " + target + " is out of range 0-" + profile().online());
        }
    }

    /** {@code _cpu_up} with {@code cpu_add_remove_lock} held. */
    Outcome doCpuUp(int cpu, int target) {
        CpuState st = state.cpu(cpu);
        CallChain.enter("_cpu_up");
        state.cpuHotplugLock().writeLock();
        try {
            if (!masks().present().test(cpu)) {
                return Outcome.failure(Errno.EINVAL, "CPU " + cpu + " is not present");
            }
            if (st.state >= target) {
                return Outcome.OK;
            }
            invoker.setState(st, target);
            // Already in the AP thread's range: kick it once more.
            if (st.state > profile().bringupCpu()) {
                Outcome outcome = threads.kickApWork(st);
                if (outcome.failed()) {
                    return outcome;
                }
            }
            return upCallbacks(st, Math.min(target, profile().bringupCpu()));
        }
        finally {
            state.cpuHotplugLock().writeUnlock();
            CallChain.exit();
        }
    }

    /**
     * {@code cpu_down_maps_locked}: runs {@code _cpu_down} on a worker of the first other online CPU,
     * so the control task never sits on the CPU it takes down.
     */
    private Outcome cpuDownMapsLocked(int cpu, int target) {
        int control = masks().online().anyBut(cpu);
        if (control < 0) {
            return Outcome.failure(Errno.EBUSY, "CPU " + cpu + " is the last online CPU");
        }
        return workOnCpu.run(control, () -> {
            CallChain.enter("__cpu_down_maps_locked");
            try {
                return doCpuDown(cpu, target);
            }
            finally {
                CallChain.exit();
            }
        });
    }

    /** {@code _cpu_down} with {@code cpu_add_remove_lock} held. */
    Outcome doCpuDown(int cpu, int target) {
        CpuState st = state.cpu(cpu);
        if (masks().online().weight() == 1 && masks().online().test(cpu)) {
            return Outcome.failure(Errno.EBUSY, "CPU " + cpu + " is the last online CPU");
        }
        if (!masks().present().test(cpu)) {
            return Outcome.failure(Errno.EINVAL, "CPU " + cpu + " is not present");
        }
        CallChain.enter("_cpu_down");
        state.cpuHotplugLock().writeLock();
        try {
            int previous = invoker.setState(st, target);
            if (st.state > profile().teardownCpu()) {
                st.target = Math.max(target, profile().teardownCpu());
                Outcome outcome = threads.kickApWork(st);
                // The AP side has already rolled back on failure.
                if (outcome.failed() || st.state > profile().teardownCpu()) {
                    return outcome;
                }
                st.target = target;
            }
            Outcome outcome = downCallbacks(st, target);
            if (outcome.failed() && st.state < previous) {
                if (st.state == profile().teardownCpu()) {
                    invoker.resetState(st, previous);
                    threads.kick(st);
                }
                else {
                    state.log().warn("WARNING: DEAD callback error for CPU" + cpu);
                }
            }
            return outcome;
        }
        finally {
            state.cpuHotplugLock().writeUnlock();
            CallChain.exit();
        }
    }

    /** {@code cpuhp_up_callbacks}: the control CPU's walk, rolled back on failure. */
    private Outcome upCallbacks(CpuState st, int target) {
        int previous = st.state;
        Outcome outcome = invoker.invokeRange(st, true, target, false);
        if (outcome.failed()) {
            invoker.resetState(st, previous);
            warnIfRollbackFailed(st, previous, invoker.invokeRange(st, false, previous, false));
        }
        return outcome;
    }

    /** {@code cpuhp_down_callbacks}: the control CPU's walk down, re-run up on failure. */
    private Outcome downCallbacks(CpuState st, int target) {
        int previous = st.state;
        Outcome outcome = invoker.invokeRange(st, false, target, false);
        if (outcome.failed()) {
            invoker.resetState(st, previous);
            if (st.state < previous) {
                warnIfRollbackFailed(st, previous, invoker.invokeRange(st, true, previous, false));
            }
        }
        return outcome;
    }

    private void warnIfRollbackFailed(CpuState st, int previous, Outcome rollback) {
        if (rollback.failed()) {
            state.log().warn("WARNING: CPU " + st.cpu + " rollback to state " + previous + " failed (" + rollback.returnValue()
                    + "), stopped at " + st.state);
        }
    }

    /**
     * After a failed boot-time bringup, walks whatever is left of the CPU back to OFFLINE (a parallel
     * bringup may have rolled back only to {@code CPUHP_BP_KICK_AP}); a no-op when it is offline.
     */
    public void cleanUpFailedBringup(int cpu) {
        CpuState st = state.cpu(cpu);
        if (st.state == 0) {
            return;
        }
        state.cpuAddRemoveLock().lock();
        state.cpuHotplugLock().writeLock();
        try {
            invoker.setState(st, 0);
            Outcome outcome = invoker.invokeRange(st, false, 0, false);
            if (outcome.failed()) {
                state.log().warn("WARNING: cleaning up CPU " + cpu + " after a failed bringup failed (" + outcome.returnValue()
                        + ") at state " + st.state);
            }
        }
        finally {
            state.cpuHotplugLock().writeUnlock();
            state.cpuAddRemoveLock().unlock();
        }
    }

    /** Makes every CPU device's {@code online} file match the online mask, as device registration after boot does. */
    public void syncDeviceOnline() {
        for (int cpu = 0; cpu < nrCpus(); cpu++) {
            state.cpu(cpu).deviceOffline = !masks().online().test(cpu);
        }
    }

    @Override
    public void retarget(int cpu, int target) {
        state.cpu(cpu).target = target;
    }

    @Override
    public void armFail(int cpu, int number) {
        state.cpu(cpu).fail = number;
    }

    @Override
    public boolean hasCallbacks(int number) {
        state.stateMutex().lock();
        try {
            return state.table().get(number).hasAnyCallback();
        }
        finally {
            state.stateMutex().unlock();
        }
    }

    @Override
    public boolean cantStop(int number) {
        return state.table().get(number).cantStop;
    }

    @Override
    public String stepName(int number) {
        return number < 0 || number >= state.table().size() ? null : state.table().get(number).name;
    }

    @Override
    public String renderStates() {
        // Under the state mutex, so a state being installed is never shown half-named.
        state.stateMutex().lock();
        try {
            return state.table().render();
        }
        finally {
            state.stateMutex().unlock();
        }
    }

    @Override
    public boolean deviceOnline(int cpu) {
        return !state.cpu(cpu).deviceOffline;
    }

    @Override
    public void setDeviceOnline(int cpu, boolean online) {
        if (state.cpu(cpu).deviceOffline != online) {
            return;
        }
        // cpu_device_up/down: what the operation costs around its callbacks, per the cost model.
        invoker.charge(online ? "cpu_device_up" : "cpu_device_down");
        if (online) {
            cpuUp(cpu, profile().online());
        }
        else {
            cpuDown(cpu, 0);
        }
        state.cpu(cpu).deviceOffline = !online;
    }

    @Override
    public SmtControl smtControl() {
        return state.smtControl();
    }

    @Override
    public void smtDisable(SmtControl control) {
        state.cpuAddRemoveLock().lock();
        try {
            for (int cpu = 0; cpu < nrCpus(); cpu++) {
                if (!masks().online().test(cpu) || bringup.isPrimaryThread(cpu)) {
                    continue;
                }
                doCpuDown(cpu, 0).within("taking SMT sibling CPU " + cpu + " offline failed; smt/control stays "
                        + state.smtControl().text()).orThrow();
                state.cpu(cpu).deviceOffline = true;
            }
            state.setSmtControl(control);
        }
        finally {
            state.cpuAddRemoveLock().unlock();
        }
    }

    @Override
    public void smtEnable() {
        state.cpuAddRemoveLock().lock();
        try {
            state.setSmtControl(SmtControl.ON);
            // Like the kernel, this brings up every present CPU that is offline, siblings or not.
            for (int cpu = 0; cpu < nrCpus(); cpu++) {
                if (masks().online().test(cpu) || !masks().present().test(cpu)) {
                    continue;
                }
                doCpuUp(cpu, profile().online()).within("bringing CPU " + cpu + " online failed").orThrow();
                state.cpu(cpu).deviceOffline = false;
            }
        }
        finally {
            state.cpuAddRemoveLock().unlock();
        }
    }

    /** Applies {@code nosmt} from the command line before bringup. */
    public void disableSmtAtBoot() {
        if (state.smtControl() == SmtControl.ON) {
            state.setSmtControl(SmtControl.OFF);
        }
    }

    /**
     * Returns what is inconsistent in the hotplug state of CPUs at rest (no operation running): a
     * CPU away from its target, or masks that disagree with its state. Empty when all is well.
     */
    public List<String> consistencyViolations() {
        List<String> violations = new ArrayList<>();
        int active = profile().number("CPUHP_AP_ACTIVE");
        for (int cpu = 0; cpu < nrCpus(); cpu++) {
            CpuState st = state.cpu(cpu);
            int at = st.state;
            if (at != restingTarget(cpu)) {
                violations.add("CPU " + cpu + " rests at state " + at + " but its target is " + st.target);
            }
            boolean online = masks().online().test(cpu);
            if (online != (at >= profile().apOnlineIdle())) {
                violations.add("CPU " + cpu + " at state " + at + " is " + (online ? "" : "not ") + "in the online mask");
            }
            boolean isActive = masks().active().test(cpu);
            if (isActive != (at >= active)) {
                violations.add("CPU " + cpu + " at state " + at + " is " + (isActive ? "" : "not ") + "in the active mask");
            }
        }
        if (masks().online().weight() == 0) {
            violations.add("no CPU is online");
        }
        return violations;
    }
}
