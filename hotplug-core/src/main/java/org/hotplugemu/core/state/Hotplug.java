package org.hotplugemu.core.state;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;
import org.hotplugemu.arch.spi.KernelLog;
import org.hotplugemu.arch.spi.sched.Mutex;
import org.hotplugemu.arch.spi.sched.RwSemaphore;
import org.hotplugemu.arch.spi.sched.Scheduler;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.trace.CpuhpTracepoints;

/**
 * The CPU hotplug state machine of one machine ({@code kernel/cpu.c}): {@code cpu_up},
 * {@code cpu_down}, the hotplug thread protocol and rollback. The walk itself is {@link Invoker}'s;
 * the plugged CPU's side is {@link ApSide}'s; the registration API is {@link Registration}'s.
 */
public final class Hotplug {
    /** How long the control CPU waits for an AP to report alive or dead (6.5+: 10 s). */
    static final Duration SYNC_TIMEOUT = Duration.ofSeconds(10);

    final Scheduler scheduler;
    final Architecture arch;
    final Profile profile;
    final StepTable table;
    final Invoker invoker;
    final Masks masks;
    final KernelLog log;
    final CpuState[] cpus;
    final Mutex cpuAddRemoveLock;
    final RwSemaphore cpuHotplugLock;
    final Mutex stateMutex;
    final boolean splitStartup;
    final ApSide apSide;
    final SmpbootRegistry smpboot;
    private final WorkOnCpu workOnCpu;
    private volatile int hotplugDisabled;
    /** The boot CPU when boot left its target below its state (6.1), else -1. */
    private int bootCpuTargetUnset = -1;
    volatile SmtControl smtControl;

    public Hotplug(Scheduler scheduler, Architecture arch, Profile profile, KernelLog log, CpuhpTracepoints trace, Duration callbackCost) {
        this(scheduler, arch, profile, log, trace, symbol -> callbackCost.toNanos());
    }

    /** A state machine whose callbacks cost what {@code callbackCost} says per kernel symbol, in virtual nanoseconds. */
    public Hotplug(Scheduler scheduler, Architecture arch, Profile profile, KernelLog log, CpuhpTracepoints trace,
            java.util.function.ToLongFunction<String> callbackCost) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.arch = requireNonNull(arch, "arch is null");
        this.profile = requireNonNull(profile, "profile is null");
        this.log = requireNonNull(log, "log is null");
        int nrCpus = arch.topology().size();
        this.masks = new Masks(nrCpus);
        this.table = new StepTable(profile);
        this.invoker = new Invoker(table, trace, log, scheduler, callbackCost, masks);
        this.cpus = new CpuState[nrCpus];
        for (int cpu = 0; cpu < nrCpus; cpu++) {
            cpus[cpu] = new CpuState(cpu, scheduler);
        }
        this.cpuAddRemoveLock = scheduler.newMutex("cpu_add_remove_lock");
        this.cpuHotplugLock = scheduler.newRwSemaphore("cpu_hotplug_lock");
        this.stateMutex = scheduler.newMutex("cpuhp_state_mutex");
        this.splitStartup = profile.bpKickAp().isPresent() && arch.supportsParallelBringup();
        this.smtControl = initialSmtControl(arch);
        this.apSide = new ApSide(this);
        this.smpboot = new SmpbootRegistry(this);
        this.workOnCpu = new WorkOnCpu(scheduler, nrCpus);
        new CoreSteps(this).install();
    }

    private static SmtControl initialSmtControl(Architecture arch) {
        if (!arch.smtControlImplemented()) {
            return SmtControl.NOT_IMPLEMENTED;
        }
        boolean smt = arch.topology().stream().anyMatch(cpu -> !cpu.primaryThread());
        return smt ? SmtControl.ON : SmtControl.NOT_SUPPORTED;
    }

    public Masks masks() {
        return masks;
    }

    public Profile profile() {
        return profile;
    }

    public int nrCpus() {
        return cpus.length;
    }

    public int state(int cpu) {
        return cpu(cpu).state;
    }

    public int target(int cpu) {
        return cpu(cpu).target;
    }

    /**
     * The state {@code cpu} should rest at when no operation runs: its target, except that 6.1's
     * {@code boot_cpu_hotplug_init} leaves the boot CPU's target 0 until its first operation, a
     * target nobody acts on.
     */
    public int restingTarget(int cpu) {
        CpuState st = cpu(cpu);
        boolean bootLeftover = cpu == bootCpuTargetUnset && st.target == 0 && st.state == profile.online();
        return bootLeftover ? st.state : st.target;
    }

    public int fail(int cpu) {
        return cpu(cpu).fail;
    }

    CpuState cpu(int cpu) {
        if (cpu < 0 || cpu >= cpus.length) {
            throw new HotplugException(Errno.EINVAL, "CPU " + cpu + " does not exist: this machine has CPUs 0-" + (cpus.length - 1));
        }
        return cpus[cpu];
    }

    /** Makes the boot CPU ONLINE with its {@code cpuhp/0} thread running ({@code boot_cpu_hotplug_init}). */
    public void initBootCpu(int cpu) {
        initBootCpu(cpu, profile.online());
        startHotplugThread(cpu);
    }

    /**
     * {@code boot_cpu_hotplug_init}: makes the boot CPU ONLINE with {@code target} as its target
     * (6.1 leaves it 0, 6.12 sets the online state) and no hotplug thread yet: until
     * {@link #startHotplugThread} ({@code cpuhp_threads_init} in {@code smp_init}) registrations run
     * its callbacks directly on the caller.
     */
    public void initBootCpu(int cpu, int target) {
        CpuState st = cpu(cpu);
        bootCpuTargetUnset = target == profile.online() ? -1 : cpu;
        st.state = profile.online();
        st.target = target;
        masks.setOnline(cpu, true);
        masks.setActive(cpu, true);
        masks.setBootedOnce(cpu);
        st.sync.state = ApSync.ONLINE;
        st.deviceOffline = false;
    }

    /** {@code cpuhp_threads_init} for the boot CPU: creates and starts its {@code cpuhp/N} thread. */
    public void startHotplugThread(int cpu) {
        CpuState st = cpu(cpu);
        smpboot.createHotplugThread(cpu);
        st.thread.unpark();
        apSide.startBootCpuIdle(cpu);
    }

    /** {@code cpu_up}: brings {@code cpu} up to {@code target}. */
    public void cpuUp(int cpu, int target) {
        CallbackGuard.checkNotInCallback("cpu_up()");
        checkTarget(target);
        if (cpu < 0 || cpu >= cpus.length || !masks.possible().test(cpu)) {
            log.error("can't online cpu " + cpu + " because it is not configured as may-hotadd at boot time");
            throw new HotplugException(Errno.EINVAL, "CPU " + cpu + " is not possible on this machine (CPUs 0-" + (cpus.length - 1) + ")");
        }
        cpuAddRemoveLock.lock();
        try {
            if (hotplugDisabled > 0) {
                throw new HotplugException(Errno.EBUSY, "CPU hotplug is disabled (secondary CPUs are frozen)");
            }
            if (!smtAllowed(cpu)) {
                throw new HotplugException(Errno.EPERM, "CPU " + cpu + " is an SMT sibling and SMT is " + smtControl.text());
            }
            cpus[cpu].failure = null;
            check(doCpuUp(cpu, target), cpus[cpu]);
        }
        finally {
            cpuAddRemoveLock.unlock();
        }
    }

    /** {@code cpu_down}: takes {@code cpu} down to {@code target}. */
    public void cpuDown(int cpu, int target) {
        CallbackGuard.checkNotInCallback("cpu_down()");
        checkTarget(target);
        cpu(cpu);
        cpuAddRemoveLock.lock();
        try {
            if (hotplugDisabled > 0) {
                throw new HotplugException(Errno.EBUSY, "CPU hotplug is disabled (secondary CPUs are frozen)");
            }
            cpus[cpu].failure = null;
            check(cpuDownMapsLocked(cpu, target), cpus[cpu]);
        }
        finally {
            cpuAddRemoveLock.unlock();
        }
    }

    private void checkTarget(int target) {
        if (target < 0 || target > profile.online()) {
            throw new HotplugException(Errno.EINVAL, "target " + target + " is out of range 0-" + profile.online());
        }
    }

    private static void check(int ret, CpuState st) {
        if (ret != 0) {
            Errno errno = Errno.ofNumber(ret);
            String why = st.failure;
            throw new HotplugException(errno, why == null ? errno.text() : errno.text() + " (" + why + ")");
        }
    }

    /** {@code _cpu_up} with {@code cpu_add_remove_lock} held. */
    int doCpuUp(int cpu, int target) {
        CpuState st = cpu(cpu);
        cpuHotplugLock.writeLock();
        try {
            if (!masks.present().test(cpu)) {
                return -Errno.EINVAL.number();
            }
            if (st.state >= target) {
                return 0;
            }
            invoker.setState(st, target);
            // Already in the AP thread's range: kick it once more.
            if (st.state > profile.bringupCpu()) {
                int ret = kickApWork(st);
                if (ret != 0) {
                    return ret;
                }
            }
            return upCallbacks(st, Math.min(target, profile.bringupCpu()));
        }
        finally {
            cpuHotplugLock.writeUnlock();
        }
    }

    /**
     * {@code cpu_down_maps_locked}: runs {@code _cpu_down} on a worker of the first other online CPU,
     * so the control task never sits on the CPU it takes down.
     */
    private int cpuDownMapsLocked(int cpu, int target) {
        int control = masks.online().stream().filter(other -> other != cpu).findFirst().orElse(-1);
        if (control < 0) {
            return -Errno.EBUSY.number();
        }
        return workOnCpu.run(control, () -> doCpuDown(cpu, target));
    }

    /** {@code _cpu_down} with {@code cpu_add_remove_lock} held. */
    int doCpuDown(int cpu, int target) {
        CpuState st = cpu(cpu);
        if (masks.online().weight() == 1 && masks.online().test(cpu)) {
            return -Errno.EBUSY.number();
        }
        if (!masks.present().test(cpu)) {
            return -Errno.EINVAL.number();
        }
        cpuHotplugLock.writeLock();
        try {
            int previous = invoker.setState(st, target);
            if (st.state > profile.teardownCpu()) {
                st.target = Math.max(target, profile.teardownCpu());
                int ret = kickApWork(st);
                // The AP side has already rolled back on failure.
                if (ret != 0 || st.state > profile.teardownCpu()) {
                    return ret;
                }
                st.target = target;
            }
            int ret = downCallbacks(st, target);
            if (ret != 0 && st.state < previous) {
                if (st.state == profile.teardownCpu()) {
                    invoker.resetState(st, previous);
                    kickAp(st);
                }
                else {
                    log.warn("WARNING: DEAD callback error for CPU" + cpu);
                }
            }
            return ret;
        }
        finally {
            cpuHotplugLock.writeUnlock();
        }
    }

    /** {@code cpuhp_up_callbacks}: the control CPU's walk, rolled back on failure. */
    int upCallbacks(CpuState st, int target) {
        int previous = st.state;
        int ret = invoker.invokeRange(st, true, target);
        if (ret != 0) {
            invoker.resetState(st, previous);
            int rollback = invoker.invokeRange(st, false, previous);
            if (rollback != 0) {
                log.warn("WARNING: CPU " + st.cpu + " rollback to state " + previous + " failed (" + rollback + "), stopped at " + st.state);
            }
        }
        return ret;
    }

    /** {@code cpuhp_down_callbacks}: the control CPU's walk down, re-run up on failure. */
    int downCallbacks(CpuState st, int target) {
        int previous = st.state;
        int ret = invoker.invokeRange(st, false, target);
        if (ret != 0) {
            invoker.resetState(st, previous);
            if (st.state < previous) {
                int rollback = invoker.invokeRange(st, true, previous);
                if (rollback != 0) {
                    log.warn("WARNING: CPU " + st.cpu + " rollback to state " + previous + " failed (" + rollback + "), stopped at " + st.state);
                }
            }
        }
        return ret;
    }

    /** {@code cpuhp_kick_ap_work}: traced as a step of its own, from the previous state to the final one. */
    int kickApWork(CpuState st) {
        int previous = st.state;
        invoker.trace().enter(st.cpu, st.target, previous, "cpuhp_kick_ap_work");
        int ret = kickAp(st, st.target);
        invoker.trace().exit(st.cpu, st.state, previous, ret);
        return ret;
    }

    /** {@code cpuhp_kick_ap}: lets {@code cpuhp/N} walk to {@code target}, and back on failure. */
    int kickAp(CpuState st, int target) {
        int previous = invoker.setState(st, target);
        kickAp(st);
        int ret = st.result;
        if (ret != 0) {
            invoker.resetState(st, previous);
            kickAp(st);
        }
        return ret;
    }

    /** {@code __cpuhp_kick_ap}: wakes {@code cpuhp/N} and waits until it is done. */
    void kickAp(CpuState st) {
        if (!st.single && st.state == st.target) {
            return;
        }
        st.result = 0;
        st.shouldRun = true;
        st.thread.wake();
        (st.bringup ? st.doneUp : st.doneDown).await();
    }

    /** {@code cpuhp_thread_fun}: one step of the hotplug thread's walk. */
    void threadFun(int cpu) {
        CpuState st = cpus[cpu];
        boolean bringup = st.bringup;
        int state;
        if (st.single) {
            state = st.cbState;
            st.shouldRun = false;
        }
        else {
            state = invoker.nextState(st, bringup, st.target);
            st.shouldRun = state >= 0;
        }
        if (state >= 0) {
            if (profile.isAtomicState(state)) {
                scheduler.enterAtomic();
                try {
                    st.result = invoker.invoke(st, state, bringup, st.node, true);
                }
                finally {
                    scheduler.exitAtomic();
                }
                if (st.result != 0) {
                    log.warn("WARNING: CPU " + cpu + " STARTING/DYING state " + state + " failed (" + st.result + ")");
                }
            }
            else {
                st.result = invoker.invoke(st, state, bringup, st.node, true);
            }
            if (st.result != 0) {
                if (st.rollback) {
                    log.warn("WARNING: CPU " + cpu + " failed during rollback at state " + state + " (" + st.result + ")");
                }
                st.shouldRun = false;
            }
        }
        if (!st.shouldRun) {
            (bringup ? st.doneUp : st.doneDown).complete();
        }
    }

    /** {@code cpu_smt_allowed}. */
    boolean smtAllowed(int cpu) {
        if (smtControl == SmtControl.ON || smtControl == SmtControl.NOT_SUPPORTED || smtControl == SmtControl.NOT_IMPLEMENTED) {
            return true;
        }
        if (arch.topology().get(cpu).primaryThread()) {
            return true;
        }
        // x86 boots every thread once so it can set CR4.MCE; such a sibling then goes back offline.
        return arch.siblingsMustBootOnce() && !masks.bootedOnce().test(cpu);
    }

    /**
     * Returns what is inconsistent in the hotplug state of CPUs at rest (no operation running): a
     * CPU away from its target, or masks that disagree with its state. Empty when all is well.
     */
    public List<String> consistencyViolations() {
        List<String> violations = new ArrayList<>();
        int active = profile.number("CPUHP_AP_ACTIVE");
        for (CpuState st : cpus) {
            int state = st.state;
            if (state != restingTarget(st.cpu)) {
                violations.add("CPU " + st.cpu + " rests at state " + state + " but its target is " + st.target);
            }
            boolean online = masks.online().test(st.cpu);
            if (online != (state >= profile.apOnlineIdle())) {
                violations.add("CPU " + st.cpu + " at state " + state + " is " + (online ? "" : "not ") + "in the online mask");
            }
            if (masks.active().test(st.cpu) != (state >= active)) {
                violations.add("CPU " + st.cpu + " at state " + state + " is " + (masks.active().test(st.cpu) ? "" : "not ") + "in the active mask");
            }
        }
        if (masks.online().weight() == 0) {
            violations.add("no CPU is online");
        }
        return violations;
    }

    /** Returns {@code hotplug/states}: {@code "%3d: %s\n"} for every named step. */
    public String renderStates() {
        return table.render();
    }

    /** Returns the name of a step, or null when it has none. */
    public String stepName(int state) {
        return state < 0 || state >= table.size() ? null : table.get(state).name;
    }

    /**
     * After a failed boot-time bringup, walks whatever is left of the CPU back to OFFLINE (a parallel
     * bringup may have rolled back only to {@code CPUHP_BP_KICK_AP}); a no-op when it is offline.
     */
    public void cleanUpFailedBringup(int cpu) {
        CpuState st = cpu(cpu);
        if (st.state == 0) {
            return;
        }
        cpuAddRemoveLock.lock();
        cpuHotplugLock.writeLock();
        try {
            invoker.setState(st, 0);
            int ret = invoker.invokeRange(st, false, 0);
            if (ret != 0) {
                log.warn("WARNING: cleaning up CPU " + cpu + " after a failed bringup failed (" + ret + ") at state " + st.state);
            }
        }
        finally {
            cpuHotplugLock.writeUnlock();
            cpuAddRemoveLock.unlock();
        }
    }

    /** Makes every CPU device's {@code online} file match the online mask, as device registration after boot does. */
    public void syncDeviceOnline() {
        for (CpuState st : cpus) {
            st.deviceOffline = !masks.online().test(st.cpu);
        }
    }

    public SmtControl smtControl() {
        return smtControl;
    }

    void disableHotplug() {
        hotplugDisabled++;
    }

    void enableHotplug() {
        if (hotplugDisabled > 0) {
            hotplugDisabled--;
        }
    }
}
