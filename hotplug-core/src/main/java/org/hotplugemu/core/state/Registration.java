package org.hotplugemu.core.state;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;
import org.hotplugemu.core.api.Callback;
import org.hotplugemu.core.api.CpuHotplug;
import org.hotplugemu.core.api.CpuMask;
import org.hotplugemu.core.api.HotplugInstance;
import org.hotplugemu.core.api.MultiCallback;
import org.hotplugemu.core.api.SmpbootThread;
import org.hotplugemu.core.api.SmpbootThreads;
import org.hotplugemu.core.profile.DynamicRange;

/**
 * The registration API drivers call ({@code __cpuhp_setup_state_cpuslocked} and friends): store
 * the callbacks, invoke them on every present CPU at or above the state, roll back on failure.
 */
public final class Registration implements CpuHotplug {
    private final Hotplug hp;

    public Registration(Hotplug hp) {
        this.hp = requireNonNull(hp, "hp is null");
    }

    @Override
    public int state(String kernelName) {
        return hp.profile.number(requireNonNull(kernelName, "kernelName is null"));
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
            hp.stateMutex.lock();
            try {
                int slot = store(state, name, step -> step.installMulti(name, startup, teardown));
                // Like __cpuhp_setup_state_cpuslocked: the slot for a dynamic state, 0 for a static one
                // (virtio-net's init treats anything else as a failure).
                return isDynamicBase(state) ? slot : 0;
            }
            finally {
                hp.stateMutex.unlock();
            }
        });
    }

    private int setup(int state, String name, boolean invoke, Callback startup, Callback teardown) {
        checkState(state);
        checkName(name);
        hp.stateMutex.lock();
        try {
            int slot = store(state, name, step -> step.install(name, startup, teardown));
            if (invoke && startup != null) {
                for (int cpu = 0; cpu < hp.nrCpus(); cpu++) {
                    if (!hp.masks.present().test(cpu) || hp.cpus[cpu].state < slot) {
                        continue;
                    }
                    int ret = issueCall(cpu, slot, true, null);
                    if (ret != 0) {
                        if (teardown != null) {
                            rollbackInstall(cpu, slot, null);
                        }
                        hp.table.get(slot).clear();
                        throw failure(ret, "startup " + startup.symbol() + " of state " + slot + " (" + name + ") failed on CPU " + cpu);
                    }
                }
            }
            return isDynamicBase(state) ? slot : 0;
        }
        finally {
            hp.stateMutex.unlock();
        }
    }

    /** {@code cpuhp_store_callbacks} with a name: allocates a dynamic slot or claims a static state. */
    private int store(int state, String name, java.util.function.Consumer<Step> installer) {
        int slot = state;
        if (isDynamicBase(state)) {
            slot = reserve(state);
        }
        Step step = hp.table.get(slot);
        if (step.name != null) {
            throw new HotplugException(Errno.EBUSY, "state " + slot + " is already registered as '" + step.name + "'");
        }
        installer.accept(step);
        return slot;
    }

    private int reserve(int base) {
        DynamicRange range = base == hp.profile.apOnlineDyn().first() ? hp.profile.apOnlineDyn() : hp.profile.bpPrepareDyn();
        for (int slot = range.first(); slot <= range.last(); slot++) {
            if (hp.table.get(slot).name == null) {
                return slot;
            }
        }
        hp.log.warn("WARNING: No more dynamic states available for CPU hotplug");
        throw new HotplugException(Errno.ENOSPC, "all " + range.slots() + " dynamic states of " + range.baseEnumName() + " are taken");
    }

    private boolean isDynamicBase(int state) {
        return state == hp.profile.apOnlineDyn().first() || state == hp.profile.bpPrepareDyn().first();
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
        requireNonNull(instance, "instance is null");
        checkState(state);
        Step step = hp.table.get(state);
        if (!step.multiInstance) {
            throw new HotplugException(Errno.EINVAL, "state " + state + " is not a multi-instance state");
        }
        hp.stateMutex.lock();
        try {
            if (step.instances().contains(instance)) {
                // The kernel would link the node a second time and corrupt the state's list.
                hp.log.warn("WARNING: CPU hotplug: instance " + instance.name() + " is already added to state " + state
                        + " (" + step.name + "); adding it again would corrupt the instance list");
                throw new HotplugException(Errno.EINVAL, "instance " + instance.name() + " is already added to state " + state);
            }
            if (invoke && step.startupMulti != null) {
                for (int cpu = 0; cpu < hp.nrCpus(); cpu++) {
                    if (!hp.masks.present().test(cpu) || hp.cpus[cpu].state < state) {
                        continue;
                    }
                    int ret = issueCall(cpu, state, true, instance);
                    if (ret != 0) {
                        if (step.teardownMulti != null) {
                            rollbackInstall(cpu, state, instance);
                        }
                        throw failure(ret, "instance " + instance.name() + " of state " + state + " (" + step.name + ") failed on CPU " + cpu);
                    }
                }
            }
            step.linkInstance(instance);
            return 0;
        }
        finally {
            hp.stateMutex.unlock();
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
        requireNonNull(instance, "instance is null");
        checkState(state);
        Step step = hp.table.get(state);
        if (!step.multiInstance) {
            throw new HotplugException(Errno.EINVAL, "state " + state + " is not a multi-instance state");
        }
        hp.stateMutex.lock();
        try {
            if (!step.instances().contains(instance)) {
                // hlist_del() of a node that was never added dereferences its NULL pprev: the kernel oopses.
                hp.log.error("BUG: kernel NULL pointer dereference in __cpuhp_state_remove_instance: instance "
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
            hp.stateMutex.unlock();
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
        Step step = hp.table.get(state);
        hp.stateMutex.lock();
        try {
            if (step.multiInstance) {
                if (!step.instances().isEmpty()) {
                    hp.log.warn("WARNING: Error: Removing state " + state + " which has instances left.");
                }
            }
            else if (invoke && step.teardown != null) {
                teardownEverywhere(state, null);
            }
            step.clear();
            return 0;
        }
        finally {
            hp.stateMutex.unlock();
        }
    }

    private void teardownEverywhere(int state, HotplugInstance instance) {
        for (int cpu = 0; cpu < hp.nrCpus(); cpu++) {
            if (hp.masks.present().test(cpu) && hp.cpus[cpu].state >= state) {
                int ret = issueCall(cpu, state, false, instance);
                if (ret != 0) {
                    hp.log.warn("WARNING: teardown of state " + state + " failed on CPU " + cpu + " (" + ret + ")");
                }
            }
        }
    }

    /** {@code cpuhp_rollback_install}: undo on the CPUs below {@code failedCpu} that got the startup. */
    private void rollbackInstall(int failedCpu, int state, HotplugInstance instance) {
        for (int cpu = 0; cpu < failedCpu; cpu++) {
            if (hp.masks.present().test(cpu) && hp.cpus[cpu].state >= state) {
                issueCall(cpu, state, false, instance);
            }
        }
    }

    /** {@code cpuhp_issue_call}: AP states on the CPU's hotplug thread, BP states here. */
    private int issueCall(int cpu, int state, boolean bringup, HotplugInstance instance) {
        Step step = hp.table.get(state);
        if (step.empty(bringup)) {
            return 0;
        }
        CpuState st = hp.cpus[cpu];
        if (hp.profile.isApState(state)) {
            return invokeOnAp(st, state, bringup, instance);
        }
        return hp.invoker.invoke(st, state, bringup, instance, false);
    }

    /** {@code cpuhp_invoke_ap_callback}: a single invocation on {@code cpuhp/N}, rolled back if partial. */
    private int invokeOnAp(CpuState st, int state, boolean bringup, HotplugInstance instance) {
        if (!hp.masks.online().test(st.cpu)) {
            return 0;
        }
        if (st.thread == null) {
            return hp.invoker.invoke(st, state, bringup, instance, false);
        }
        st.rollback = false;
        st.last = null;
        st.lastSet = false;
        st.node = instance;
        st.bringup = bringup;
        st.cbState = state;
        st.single = true;
        hp.kickAp(st);
        int ret = st.result;
        if (ret != 0 && st.lastSet) {
            st.rollback = true;
            st.bringup = !bringup;
            hp.kickAp(st);
        }
        st.node = null;
        st.last = null;
        st.lastSet = false;
        return ret;
    }

    private <T> T locked(String operation, java.util.function.Supplier<T> body) {
        CallbackGuard.checkNotInCallback(operation);
        hp.cpuHotplugLock.readLock();
        try {
            return body.get();
        }
        finally {
            hp.cpuHotplugLock.readUnlock();
        }
    }

    private void requireReadLock(String operation) {
        CallbackGuard.checkNotInCallback(operation);
        if (!hp.cpuHotplugLock.isReadLockedByCurrentThread() && !hp.cpuHotplugLock.isWriteLockedByCurrentThread()) {
            throw new HotplugException(Errno.EINVAL, operation + " needs cpus_read_lock() held by the caller");
        }
    }

    private void checkState(int state) {
        if (state <= 0 || state >= hp.profile.online()) {
            throw new HotplugException(Errno.EINVAL, "state " + state + " is out of range: use 1 to " + (hp.profile.online() - 1));
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new HotplugException(Errno.EINVAL, "a hotplug state needs a name");
        }
    }

    private static HotplugException failure(int ret, String what) {
        Errno errno = Errno.ofNumber(ret);
        return new HotplugException(errno, what + ": " + errno.text());
    }

    @Override
    public void cpusReadLock() {
        CallbackGuard.checkNotInCallback("cpus_read_lock()");
        hp.cpuHotplugLock.readLock();
    }

    @Override
    public void cpusReadUnlock() {
        hp.cpuHotplugLock.readUnlock();
    }

    @Override
    public SmpbootThreads registerSmpbootThread(SmpbootThread thread) {
        requireNonNull(thread, "thread is null");
        return locked("smpboot_register_percpu_thread()", () -> hp.smpboot.register(thread));
    }

    @Override
    public CpuMask possibleMask() {
        return hp.masks.possible();
    }

    @Override
    public CpuMask presentMask() {
        return hp.masks.present();
    }

    @Override
    public CpuMask onlineMask() {
        return hp.masks.online();
    }

    @Override
    public CpuMask activeMask() {
        return hp.masks.active();
    }

    @Override
    public CpuMask dyingMask() {
        return hp.masks.dying();
    }

    @Override
    public int cpuState(int cpu) {
        return hp.state(cpu);
    }

    @Override
    public int nrCpuIds() {
        return hp.nrCpus();
    }
}
