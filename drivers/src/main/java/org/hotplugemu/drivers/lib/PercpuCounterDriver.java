package org.hotplugemu.drivers.lib;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models per-CPU counters folded when a CPU dies and the batch size recomputed (lib/percpu_counter.c), with the kernel's state names and callback symbols.
 */
public final class PercpuCounterDriver extends SimpleStateDriver {
    public PercpuCounterDriver() {
        super("percpu_counter", 560, allArchitectures(),
                StateSpec.calls("CPUHP_AP_ONLINE_DYN", "lib/percpu_cnt:online", "compute_batch_value", null),
                StateSpec.noCalls("CPUHP_PERCPU_CNT_DEAD", "lib/percpu_cnt:dead", null, "percpu_counter_cpu_dead"));
    }
}
