package org.hotplugemu.drivers.perf;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the perf events core (kernel/events/core.c): a per-CPU context allocated before the CPU runs and switched on when it is online, with the kernel's state names and callback symbols.
 */
public final class PerfEventDriver extends SimpleStateDriver {
    public PerfEventDriver() {
        super("perf", 100, allArchitectures(),
                StateSpec.noCalls("CPUHP_PERF_PREPARE", "perf:prepare", "perf_event_init_cpu", "perf_event_exit_cpu"),
                StateSpec.noCalls("CPUHP_AP_PERF_ONLINE", "perf:online", "perf_event_init_cpu", "perf_event_exit_cpu"));
    }
}
