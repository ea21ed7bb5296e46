package org.hotplugemu.core.state;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.CpuMask;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.api.driver.SmpbootThreads;
import org.hotplugemu.core.engine.CallChain;
import org.hotplugemu.core.profile.DynamicRange;

/**
 * The driver API of one machine ({@link CpuHotplug}): the registration calls
 * ({@code __cpuhp_setup_state_cpuslocked} and friends) that store callbacks, invoke them on every
 * present CPU at or above the state and roll back on failure; instances; smpboot threads; the
 * hotplug lock; read-only masks.
 */
public final class CpuHotplugApi implements CpuHotplug {
    private final CpuhpState cpuhp;
    private final Invoker invoker;
    private final HotplugThreads threads;
    private final SmpbootRegistry smpboot;

    CpuHotplugApi(CpuhpState state, Invoker invoker, HotplugThreads threads, SmpbootRegistry smpboot) {
        this.cpuhp = requireNonNull(state, "state is null");
        this.invoker = requireNonNull(invoker, "invoker is null");
        this.threads = requireNonNull(threads, "threads is null");
        this.smpboot = requireNonNull(smpboot, "smpboot is null");
    }

    @Override
    public int state(String kernelName) {
        return cpuhp.profile().number(requireNonNull(kernelName, "kernelName is null"));
    }

    @Override
    public int setupState(int state, String name, Callback startup, Callback teardown) {
        return locked("cpuhp_setup_state()", () -> setup(state, name, true, startup, teardown));
    }

    @Override
    public int setupStateNoCalls(int state, String name, Callback startup, Callback teardown) {
        return locked("cpuhp_setup_state_nocalls()", () -> setup(state, name, false, startup, teardown));
    }

    @Override
    public int setupStateCpusLocked(int state, String name, Callback startup, Callback teardown) {
        requireReadLock("cpuhp_setup_state_cpuslocked()");
        return setup(state, name, true, startup, teardown);
    }

    @Override
    public int setupStateNoCallsCpusLocked(int state, String name, Callback startup, Callback teardown) {
        requireReadLock("cpuhp_setup_state_nocalls_cpuslocked()");
        return setup(state, name, false, startup, teardown);
    }

    @Override
    public int setupMultiState(int state, String name, MultiCallback startup, MultiCallback teardown) {
        return locked("cpuhp_setup_state_multi()", () -> {
            checkState(state);
            checkName(name);
            cpuhp.stateMutex().lock();
            try {
                int slot = store(state, name, step -> step.installMulti(name, startup, teardown));
                // Like __cpuhp_setup_state_cpuslocked: the slot for a dynamic state, 0 for a static one
                // (virtio-net's init treats anything else as a failure).
                return isDynamicBase(state) ? slot : 0;
            }
            finally {
                cpuhp.stateMutex().unlock();
            }
        });
    }

    private int setup(int state, String name, boolean invoke, Callback startup, Callback teardown) {
        checkState(state);
        checkName(name);
        cpuhp.stateMutex().lock();
        try {
            int slot = store(state, name, step -> step.install(name, startup, teardown));
            if (invoke && startup != null) {
                startupEverywhere(slot, null, teardown != null, () -> cpuhp.table().get(slot).clear(),
                        cpu -> "startup " + startup.symbol() + " of state " + slot + " (" + name + ") failed on CPU " + cpu);
            }
            return isDynamicBase(state) ? slot : 0;
        }
        finally {
            cpuhp.stateMutex().unlock();
        }
    }

    /** {@code cpuhp_store_callbacks} with a name: allocates a dynamic slot or claims a static state. */
    private int store(int state, String name, java.util.function.Consumer<Step> installer) {
        int slot = state;
        if (isDynamicBase(state)) {
            slot = reserve(state);
        }
        Step step = cpuhp.table().get(slot);
        if (step.name != null) {
            throw new HotplugException(Errno.EBUSY, "state " + slot + " is already registered as '" + step.name + "'");
        }
        installer.accept(step);
        return slot;
    }

    private int reserve(int base) {
        DynamicRange range = base == cpuhp.profile().apOnlineDyn().first() ? cpuhp.profile().apOnlineDyn() : cpuhp.profile().bpPrepareDyn();
        for (int slot = range.first(); slot <= range.last(); slot++) {
            if (cpuhp.table().get(slot).name == null) {
                return slot;
            }
        }
        cpuhp.log().warn("WARNING: No more dynamic states available for CPU hotplug");
        throw new HotplugException(Errno.ENOSPC, "all " + range.slots() + " dynamic states of " + range.baseEnumName() + " are taken");
    }

    /** The step of a multi-instance {@code state}, checked as {@code cpuhp_state_add/remove_instance} check it. */
    private Step multiInstanceStep(int state, HotplugInstance instance) {
        requireNonNull(instance, "instance is null");
        checkState(state);
        Step step = cpuhp.table().get(state);
        if (!step.multiInstance) {
            throw new HotplugException(Errno.EINVAL, "state " + state + " is not a multi-instance state");
        }
        return step;
    }

    /**
     * {@code cpuhp_issue_call} of {@code slot}'s startup (for {@code instance}, or the single callback
     * when null) on every present CPU already at or past it. When one fails, the CPUs before it are
     * rolled back (if there is a teardown), {@code cleanup} runs and the failure is thrown, described
     * by {@code failedOnCpu}.
     */
    private void startupEverywhere(int slot, HotplugInstance instance, boolean rollback, Runnable cleanup,
            java.util.function.IntFunction<String> failedOnCpu) {
        for (int cpu = 0; cpu < cpuhp.nrCpus(); cpu++) {
            if (!cpuhp.masks().present().test(cpu) || cpuhp.cpu(cpu).state < slot) {
                continue;
            }
            Outcome outcome = issueCall(cpu, slot, true, instance);
            if (outcome.failed()) {
                if (rollback) {
                    rollbackInstall(cpu, slot, instance);
                }
                cleanup.run();
                outcome.within(failedOnCpu.apply(cpu)).orThrow();
            }
        }
    }

    private boolean isDynamicBase(int state) {
        return state == cpuhp.profile().apOnlineDyn().first() || state == cpuhp.profile().bpPrepareDyn().first();
    }

    @Override
    public void addInstance(int state, HotplugInstance instance) {
        locked("cpuhp_state_add_instance()", () -> addInstance(state, instance, true));
    }

    @Override
    public void addInstanceNoCalls(int state, HotplugInstance instance) {
        locked("cpuhp_state_add_instance_nocalls()", () -> addInstance(state, instance, false));
    }

    private int addInstance(int state, HotplugInstance instance, boolean invoke) {
        Step step = multiInstanceStep(state, instance);
        cpuhp.stateMutex().lock();
        try {
            if (step.instances().contains(instance)) {
                // The kernel would link the node a second time and corrupt the state's list.
                cpuhp.log().warn("WARNING: CPU hotplug: instance " + instance.name() + " is already added to state " + state
                        + " (" + step.name + "); adding it again would corrupt the instance list");
                throw new HotplugException(Errno.EINVAL, "instance " + instance.name() + " is already added to state " + state);
            }
            if (invoke && step.startupMulti != null) {
                startupEverywhere(state, instance, step.teardownMulti != null, () -> { },
                        cpu -> "instance " + instance.name() + " of state " + state + " (" + step.name + ") failed on CPU " + cpu);
            }
            step.linkInstance(instance);
            return 0;
        }
        finally {
            cpuhp.stateMutex().unlock();
        }
    }

    @Override
    public void removeInstance(int state, HotplugInstance instance) {
        locked("cpuhp_state_remove_instance()", () -> removeInstance(state, instance, true));
    }

    @Override
    public void removeInstanceNoCalls(int state, HotplugInstance instance) {
        locked("cpuhp_state_remove_instance_nocalls()", () -> removeInstance(state, instance, false));
    }

    private int removeInstance(int state, HotplugInstance instance, boolean invoke) {
        Step step = multiInstanceStep(state, instance);
        cpuhp.stateMutex().lock();
        try {
            if (!step.instances().contains(instance)) {
                // hlist_del() of a node that was never added dereferences its NULL pprev: the kernel oopses.
                cpuhp.log().error("BUG: kernel NULL pointer dereference in __cpuhp_state_remove_instance: instance "
                        + instance.name() + " was never added to state " + state + " (" + step.name + ")");
                throw new HotplugException(Errno.EINVAL, "instance " + instance.name() + " was never added to state " + state);
            }
            if (invoke && step.teardownMulti != null) {
                teardownEverywhere(state, instance);
            }
            step.unlinkInstance(instance);
            return 0;
        }
        finally {
            cpuhp.stateMutex().unlock();
        }
    }

    @Override
    public void removeState(int state) {
        locked("cpuhp_remove_state()", () -> remove(state, true));
    }

    @Override
    public void removeStateNoCalls(int state) {
        locked("cpuhp_remove_state_nocalls()", () -> remove(state, false));
    }

    private int remove(int state, boolean invoke) {
        checkState(state);
        Step step = cpuhp.table().get(state);
        cpuhp.stateMutex().lock();
        try {
            if (step.multiInstance) {
                if (!step.instances().isEmpty()) {
                    cpuhp.log().warn("WARNING: Error: Removing state " + state + " which has instances left.");
                }
            }
            else if (invoke && step.teardown != null) {
                teardownEverywhere(state, null);
            }
            step.clear();
            return 0;
        }
        finally {
            cpuhp.stateMutex().unlock();
        }
    }

    private void teardownEverywhere(int state, HotplugInstance instance) {
        for (int cpu = 0; cpu < cpuhp.nrCpus(); cpu++) {
            if (cpuhp.masks().present().test(cpu) && cpuhp.cpu(cpu).state >= state) {
                Outcome outcome = issueCall(cpu, state, false, instance);
                if (outcome.failed()) {
                    cpuhp.log().warn("WARNING: teardown of state " + state + " failed on CPU " + cpu + " (" + outcome.returnValue() + ")");
                }
            }
        }
    }

    /** {@code cpuhp_rollback_install}: undo on the CPUs below {@code failedCpu} that got the startup. */
    private void rollbackInstall(int failedCpu, int state, HotplugInstance instance) {
        for (int cpu = 0; cpu < failedCpu; cpu++) {
            if (cpuhp.masks().present().test(cpu) && cpuhp.cpu(cpu).state >= state) {
                issueCall(cpu, state, false, instance);
            }
        }
    }

    /** {@code cpuhp_issue_call}: AP states on the CPU's hotplug thread, BP states here. */
    private Outcome issueCall(int cpu, int state, boolean bringup, HotplugInstance instance) {
        Step step = cpuhp.table().get(state);
        if (step.empty(bringup)) {
            return Outcome.OK;
        }
        CpuState st = cpuhp.cpu(cpu);
        CallChain.enter("cpuhp_issue_call");
        try {
            if (cpuhp.profile().isApState(state)) {
                return invokeOnAp(st, state, bringup, instance);
            }
            return invoker.invoke(st, state, bringup, instance, false);
        }
        finally {
            CallChain.exit();
        }
    }

    /** {@code cpuhp_invoke_ap_callback}: a single invocation on {@code cpuhp/N}, rolled back if partial. */
    private Outcome invokeOnAp(CpuState st, int state, boolean bringup, HotplugInstance instance) {
        if (!cpuhp.masks().online().test(st.cpu)) {
            return Outcome.OK;
        }
        CallChain.enter("cpuhp_invoke_ap_callback");
        try {
            cpuhp.touchCpuhpMaps();
        }
        finally {
            CallChain.exit();
        }
        if (st.thread == null) {
            return invoker.invoke(st, state, bringup, instance, false);
        }
        st.rollback = false;
        st.last = null;
        st.node = instance;
        st.bringup = bringup;
        st.cbState = state;
        st.single = true;
        threads.kick(st);
        Outcome outcome = st.result;
        if (outcome.failed() && st.last != null) {
            st.rollback = true;
            st.bringup = !bringup;
            threads.kick(st);
        }
        st.node = null;
        st.last = null;
        return outcome;
    }

    private <T> T locked(String operation, java.util.function.Supplier<T> body) {
        CallbackGuard.checkNotInCallback(operation);
        CallChain.enter(operation.substring(0, operation.length() - 2));
        try {
            readLock();
            try {
                return body.get();
            }
            finally {
                cpuhp.cpuHotplugLock().readUnlock();
            }
        }
        finally {
            CallChain.exit();
        }
    }

    /** {@code cpus_read_lock}, as its own frame of the call chain. */
    private void readLock() {
        CallChain.enter("cpus_read_lock");
        try {
            cpuhp.cpuHotplugLock().readLock();
        }
        finally {
            CallChain.exit();
        }
    }

    private void requireReadLock(String operation) {
        CallbackGuard.checkNotInCallback(operation);
        if (!cpuhp.cpuHotplugLock().isReadLockedByCurrentThread() && !cpuhp.cpuHotplugLock().isWriteLockedByCurrentThread()) {
            throw new HotplugException(Errno.EINVAL, operation + " needs cpus_read_lock() held by the caller");
        }
    }

    private void checkState(int state) {
        if (state <= 0 || state >= cpuhp.profile().online()) {
            throw new HotplugException(Errno.EINVAL, "state " + state + " is out of range: use 1 to " + (cpuhp.profile().online() - 1));
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new HotplugException(Errno.EINVAL, "a hotplug state needs a name");
        }
    }

    @Override
    public void cpusReadLock() {
        CallbackGuard.checkNotInCallback("cpus_read_lock()");
        readLock();
    }

    @Override
    public void cpusReadUnlock() {
        cpuhp.cpuHotplugLock().readUnlock();
    }

    @Override
    public SmpbootThreads registerSmpbootThread(SmpbootThread thread) {
        requireNonNull(thread, "thread is null");
        return locked("smpboot_register_percpu_thread()", () -> smpboot.register(thread));
    }

    @Override
    public CpuMask possibleMask() {
        return cpuhp.masks().possible();
    }

    @Override
    public CpuMask presentMask() {
        return cpuhp.masks().present();
    }

    @Override
    public CpuMask onlineMask() {
        return cpuhp.masks().online();
    }

    @Override
    public CpuMask activeMask() {
        return cpuhp.masks().active();
    }

    @Override
    public CpuMask dyingMask() {
        return cpuhp.masks().dying();
    }

    @Override
    public int cpuState(int cpu) {
        return cpuhp.cpu(cpu).state;
    }

    @Override
    public int nrCpuIds() {
        return cpuhp.nrCpus();
    }
}
