package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.ForwardingCpuHotplug;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;

/**
 * One driver's hotplug API: records the states and instances the driver creates as its own and
 * refuses, with EPERM and before anything changes, to remove anyone else's.
 */
final class OwnedHotplug extends ForwardingCpuHotplug {
    private final String driver;
    private final Ownership ownership;

    OwnedHotplug(CpuHotplug inner, String driver, Ownership ownership) {
        super(inner);
        this.driver = requireNonNull(driver, "driver is null");
        this.ownership = requireNonNull(ownership, "ownership is null");
    }

    /** Owns the state a setup call claimed: the allocated slot of a dynamic state, else the state itself. */
    private int owned(int state, String name, int slot) {
        ownership.ownState(slot > 0 ? slot : state, name, driver);
        return slot;
    }

    @Override
    public int setupState(int state, String name, Callback startup, Callback teardown) {
        return owned(state, name, super.setupState(state, name, startup, teardown));
    }

    @Override
    public int setupStateNoCalls(int state, String name, Callback startup, Callback teardown) {
        return owned(state, name, super.setupStateNoCalls(state, name, startup, teardown));
    }

    @Override
    public int setupStateCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return owned(state, name, super.setupStateCpusLocked(state, name, startup, teardown));
    }

    @Override
    public int setupStateNoCallsCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return owned(state, name, super.setupStateNoCallsCpusLocked(state, name, startup, teardown));
    }

    @Override
    public int setupMultiState(int state, String name, MultiCallback startup, MultiCallback teardown) {
        return owned(state, name, super.setupMultiState(state, name, startup, teardown));
    }

    @Override
    public void addInstance(int state, HotplugInstance instance) {
        super.addInstance(state, instance);
        ownership.ownInstance(state, instance, driver);
    }

    @Override
    public void addInstanceNoCalls(int state, HotplugInstance instance) {
        super.addInstanceNoCalls(state, instance);
        ownership.ownInstance(state, instance, driver);
    }

    @Override
    public void removeInstance(int state, HotplugInstance instance) {
        ownership.checkInstance(state, instance, driver);
        super.removeInstance(state, instance);
        ownership.releaseInstance(state, instance);
    }

    @Override
    public void removeInstanceNoCalls(int state, HotplugInstance instance) {
        ownership.checkInstance(state, instance, driver);
        super.removeInstanceNoCalls(state, instance);
        ownership.releaseInstance(state, instance);
    }

    @Override
    public void removeState(int state) {
        ownership.checkState(state, driver, "remove");
        super.removeState(state);
        ownership.releaseState(state);
    }

    @Override
    public void removeStateNoCalls(int state) {
        ownership.checkState(state, driver, "remove");
        super.removeStateNoCalls(state);
        ownership.releaseState(state);
    }
}
