package org.hotplugemu.core.profile;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One boot-time registration as the reference kernel made it: the state's sysfs name, the phase,
 * whether the startup callback was invoked on the CPUs already up ({@code cpuhp_setup_state} versus
 * {@code _nocalls}; empty: as the driver asks), and for {@link BootPhase#EARLY} the boot context's
 * interrupt and preemption state, which the trace's flags column shows.
 *
 * <p>Experimental.
 */
public record BootStep(String name, BootPhase phase, Optional<Boolean> calls, boolean irqsOff, int preemptDepth) {
    public BootStep {
        requireNonNull(name, "name is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(calls, "calls is null");
        if (preemptDepth < 0 || preemptDepth > 15) {
            throw new IllegalArgumentException("preemptDepth " + preemptDepth + " is not 0..15");
        }
    }
}
