package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.ForwardingCpuHotplug;
import org.hotplugemu.api.driver.CpuMask;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.api.driver.SmpbootThreads;

/**
 * A driver's view of the hotplug API that tells its {@link ResourceLedger} which of its states
 * are installed and which instances are linked, so that resources of a removed state or instance
 * are expected nowhere instead of reported missing.
 */
final class ObservedHotplug extends ForwardingCpuHotplug {
    private final CpuHotplug inner;
    private final ResourceLedger.Lifecycle lifecycle;

    ObservedHotplug(CpuHotplug inner, ResourceLedger.Lifecycle lifecycle) {
        super(inner);
        this.inner = requireNonNull(inner, "inner is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
    }

    @FunctionalInterface
    private interface Setup {
        int run();
    }

    /** Runs a setup call: its state (or allocated slot) is installed on success, retired on failure. */
    private int setup(int state, Setup call) {
        int slot;
        try {
            slot = call.run();
        }
        catch (RuntimeException e) {
            lifecycle.retire(state);
            throw e;
        }
        lifecycle.install(slot > 0 ? slot : state);
        return slot;
    }

    @Override
    public int setupState(int state, String name, Callback startup, Callback teardown) {
        return setup(state, () -> inner.setupState(state, name, startup, teardown));
    }

    @Override
    public int setupStateNoCalls(int state, String name, Callback startup, Callback teardown) {
        return setup(state, () -> inner.setupStateNoCalls(state, name, startup, teardown));
    }

    @Override
    public int setupStateCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return setup(state, () -> inner.setupStateCpusLocked(state, name, startup, teardown));
    }

    @Override
    public int setupStateNoCallsCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return setup(state, () -> inner.setupStateNoCallsCpusLocked(state, name, startup, teardown));
    }

    @Override
    public int setupMultiState(int state, String name, MultiCallback startup, MultiCallback teardown) {
        return setup(state, () -> inner.setupMultiState(state, name, startup, teardown));
    }

    @Override
    public void addInstance(int state, HotplugInstance instance) {
        inner.addInstance(state, instance);
        lifecycle.link(state, instance);
    }

    @Override
    public void addInstanceNoCalls(int state, HotplugInstance instance) {
        inner.addInstanceNoCalls(state, instance);
        lifecycle.link(state, instance);
    }

    @Override
    public void removeInstance(int state, HotplugInstance instance) {
        inner.removeInstance(state, instance);
        lifecycle.unlink(state, instance);
    }

    @Override
    public void removeInstanceNoCalls(int state, HotplugInstance instance) {
        inner.removeInstanceNoCalls(state, instance);
        lifecycle.unlink(state, instance);
    }

    @Override
    public void removeState(int state) {
        inner.removeState(state);
        lifecycle.retire(state);
    }

    @Override
    public void removeStateNoCalls(int state) {
        inner.removeStateNoCalls(state);
        lifecycle.retire(state);
    }

}
