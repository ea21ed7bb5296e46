package org.hotplugemu.core.profile;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the reference kernel's boot registered its states: the registrations whose timing or calls
 * the traces show, in the kernel's order, and the boot CPU's {@code target} after
 * {@code boot_cpu_hotplug_init} (6.1 leaves it at 0, so cpu0's registration events read
 * {@code target:   0} and {@code cpu0/hotplug/target} reads 0; 6.12 sets it to the online state).
 * A registration not listed here happens when its driver registers, before SMP bring-up.
 *
 * <p>Experimental.
 */
public final class BootPlan {
    /** No plan: every driver registers before SMP bring-up, and the boot CPU's target is the online state. */
    public static final BootPlan NONE = new BootPlan(true, List.of());

    private final boolean bootCpuTargetOnline;
    private final List<BootStep> registrations;
    private final Map<String, BootStep> byName = new HashMap<>();

    public BootPlan(boolean bootCpuTargetOnline, List<BootStep> registrations) {
        this.bootCpuTargetOnline = bootCpuTargetOnline;
        this.registrations = List.copyOf(requireNonNull(registrations, "registrations is null"));
        for (BootStep step : this.registrations) {
            if (byName.putIfAbsent(step.name(), step) != null) {
                throw new IllegalArgumentException("boot registration " + step.name() + " is listed twice");
            }
        }
    }

    /** Returns whether {@code boot_cpu_hotplug_init} sets the boot CPU's target to the online state. */
    public boolean bootCpuTargetOnline() {
        return bootCpuTargetOnline;
    }

    /** Returns the listed registrations in the kernel's order. */
    public List<BootStep> registrations() {
        return registrations;
    }

    /** Returns the step for the state registered as {@code name}, if listed. */
    public Optional<BootStep> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
