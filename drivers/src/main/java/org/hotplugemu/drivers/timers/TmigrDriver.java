package org.hotplugemu.drivers.timers;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the timer migration hierarchy of 6.9+ (kernel/time/timer_migration.c): {@code tmigr:prepare}
 * and {@code tmigr:online}, both registered with calls before SMP bring-up.
 *
 * <p>Experimental.
 */
public final class TmigrDriver extends SimpleStateDriver {
    public TmigrDriver() {
        super("tmigr", 135, allArchitectures(),
                StateSpec.calls("CPUHP_TMIGR_PREPARE", "tmigr:prepare", "tmigr_cpu_prepare", null),
                StateSpec.calls("CPUHP_AP_TMIGR_ONLINE", "tmigr:online", "tmigr_cpu_online", "tmigr_cpu_offline"));
    }
}
