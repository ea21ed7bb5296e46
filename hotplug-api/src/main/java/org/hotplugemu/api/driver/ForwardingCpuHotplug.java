package org.hotplugemu.api.driver;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A {@link CpuHotplug} that forwards every call to another one, for wrappers that watch or change a
 * few calls (a recorder, a resource ledger, a fault injector) and override only those.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ForwardingCpuHotplug implements CpuHotplug {
    private final CpuHotplug delegate;

    protected ForwardingCpuHotplug(CpuHotplug delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** Returns the instance calls are forwarded to. */
    protected final CpuHotplug delegate() {
        return delegate;
    }

    @Override
    public int state(String kernelName) {
        return delegate.state(kernelName);
    }

    @Override
    public java.util.OptionalInt findState(String kernelName) {
        return delegate.findState(kernelName);
    }

    @Override
    public int setupState(int state, String name, Callback startup, Callback teardown) {
        return delegate.setupState(state, name, startup, teardown);
    }

    @Override
    public int setupStateNoCalls(int state, String name, Callback startup, Callback teardown) {
        return delegate.setupStateNoCalls(state, name, startup, teardown);
    }

    @Override
    public int setupStateCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return delegate.setupStateCpusLocked(state, name, startup, teardown);
    }

    @Override
    public int setupStateNoCallsCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return delegate.setupStateNoCallsCpusLocked(state, name, startup, teardown);
    }

    @Override
    public int setupMultiState(int state, String name, MultiCallback startup, MultiCallback teardown) {
        return delegate.setupMultiState(state, name, startup, teardown);
    }

    @Override
    public void addInstance(int state, HotplugInstance instance) {
        delegate.addInstance(state, instance);
    }

    @Override
    public void addInstanceNoCalls(int state, HotplugInstance instance) {
        delegate.addInstanceNoCalls(state, instance);
    }

    @Override
    public void removeInstance(int state, HotplugInstance instance) {
        delegate.removeInstance(state, instance);
    }

    @Override
    public void removeInstanceNoCalls(int state, HotplugInstance instance) {
        delegate.removeInstanceNoCalls(state, instance);
    }

    @Override
    public void removeState(int state) {
        delegate.removeState(state);
    }

    @Override
    public void removeStateNoCalls(int state) {
        delegate.removeStateNoCalls(state);
    }

    @Override
    public void cpusReadLock() {
        delegate.cpusReadLock();
    }

    @Override
    public void cpusReadUnlock() {
        delegate.cpusReadUnlock();
    }

    @Override
    public SmpbootThreads registerSmpbootThread(SmpbootThread thread) {
        return delegate.registerSmpbootThread(thread);
    }

    @Override
    public CpuMask possibleMask() {
        return delegate.possibleMask();
    }

    @Override
    public CpuMask presentMask() {
        return delegate.presentMask();
    }

    @Override
    public CpuMask onlineMask() {
        return delegate.onlineMask();
    }

    @Override
    public CpuMask activeMask() {
        return delegate.activeMask();
    }

    @Override
    public CpuMask dyingMask() {
        return delegate.dyingMask();
    }

    @Override
    public int cpuState(int cpu) {
        return delegate.cpuState(cpu);
    }

    @Override
    public int nrCpuIds() {
        return delegate.nrCpuIds();
    }
}
