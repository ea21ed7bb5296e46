package org.hotplugemu.core.state;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;

/**
 * One entry of the live state table ({@code struct cpuhp_step}): a name, symmetric callbacks
 * (single or multi-instance) and the instance list. Mutated only under {@code cpuhp_state_mutex}
 * or while the table is built.
 */
final class Step {
    final int number;
    final boolean cantStop;
    volatile String name;
    volatile Callback startup;
    volatile Callback teardown;
    volatile MultiCallback startupMulti;
    volatile MultiCallback teardownMulti;
    volatile boolean multiInstance;
    /** Newest first, as {@code hlist_add_head} links them. */
    private volatile List<HotplugInstance> instances = List.of();

    Step(int number, boolean cantStop) {
        this.number = number;
        this.cantStop = cantStop;
    }

    /** {@code cpuhp_step_empty}: no callback in this direction (a multi state counts as non-empty even with no instances). */
    boolean empty(boolean bringup) {
        if (multiInstance) {
            return bringup ? startupMulti == null : teardownMulti == null;
        }
        return bringup ? startup == null : teardown == null;
    }

    boolean hasAnyCallback() {
        return !empty(true) || !empty(false);
    }

    void install(String name, Callback startup, Callback teardown) {
        this.name = name;
        this.startup = startup;
        this.teardown = teardown;
        this.startupMulti = null;
        this.teardownMulti = null;
        this.multiInstance = false;
        this.instances = List.of();
    }

    void installMulti(String name, MultiCallback startup, MultiCallback teardown) {
        this.name = name;
        this.startup = null;
        this.teardown = null;
        this.startupMulti = startup;
        this.teardownMulti = teardown;
        this.multiInstance = true;
        this.instances = List.of();
    }

    void clear() {
        install(null, null, null);
    }

    List<HotplugInstance> instances() {
        return instances;
    }

    void linkInstance(HotplugInstance instance) {
        List<HotplugInstance> updated = new ArrayList<>(instances.size() + 1);
        updated.add(instance);
        updated.addAll(instances);
        instances = List.copyOf(updated);
    }

    boolean unlinkInstance(HotplugInstance instance) {
        List<HotplugInstance> updated = new ArrayList<>(instances);
        boolean removed = updated.removeIf(each -> each == instance);
        instances = List.copyOf(updated);
        return removed;
    }
}
