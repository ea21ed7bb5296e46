package org.hotplugemu.drivers.support;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuFunction;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.InstanceFunction;
import org.hotplugemu.api.driver.MultiCallback;

/**
 * Registers hotplug states with the kernel's symbol names, choosing between the calling and the
 * {@code _nocalls} variants the way the kernel subsystem does, and hands back the state number
 * (the slot for a dynamic base).
 *
 * <p>Experimental.
 */
public final class Registrar {
    private final DriverContext context;

    public Registrar(DriverContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    public CpuHotplug hotplug() {
        return context.hotplug();
    }

    /**
     * Registers a single-instance state. A null symbol means the kernel passes NULL for that
     * direction.
     *
     * @param calls whether the kernel uses {@code cpuhp_setup_state} (true) or its
     *        {@code _nocalls} variant (false)
     * @return the state number: the enum's, or the dynamic slot taken; -1 when this kernel has no
     *         such state (a subsystem of another kernel version), in which case nothing is registered
     */
    public int single(String enumName, String name, String startupSymbol, CpuFunction startup,
            String teardownSymbol, CpuFunction teardown, boolean calls) {
        if (!exists(enumName)) {
            return -1;
        }
        int state = hotplug().state(enumName);
        Callback up = startupSymbol == null ? null : Callback.of(startupSymbol, startup);
        Callback down = teardownSymbol == null ? null : Callback.of(teardownSymbol, teardown);
        int slot = calls ? hotplug().setupState(state, name, up, down) : hotplug().setupStateNoCalls(state, name, up, down);
        return slot > 0 ? slot : state;
    }

    /** Registers a multi-instance state with no instances ({@code cpuhp_setup_state_multi}); -1 as {@link #single}. */
    public int multi(String enumName, String name, String startupSymbol, InstanceFunction startup,
            String teardownSymbol, InstanceFunction teardown) {
        if (!exists(enumName)) {
            return -1;
        }
        int state = hotplug().state(enumName);
        MultiCallback up = startupSymbol == null ? null : MultiCallback.of(startupSymbol, startup);
        MultiCallback down = teardownSymbol == null ? null : MultiCallback.of(teardownSymbol, teardown);
        int slot = hotplug().setupMultiState(state, name, up, down);
        return slot > 0 ? slot : state;
    }

    /** Returns whether this kernel's state table has {@code enumName}. */
    public boolean exists(String enumName) {
        return hotplug().findState(enumName).isPresent();
    }

    /**
     * Runs {@code init} for every possible CPU already at or above {@code state}: what a kernel
     * subsystem does for the boot CPU itself when it registers with {@code _nocalls}.
     */
    public void initCpusAtOrAbove(int state, CpuFunction init) {
        hotplug().possibleMask().stream()
                .filter(cpu -> hotplug().cpuState(cpu) >= state)
                .forEach(init::run);
    }
}
