package org.hotplugemu.drivers.net;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models per-CPU network backlog queues taken over when a CPU dies (net/core/dev.c), with the kernel's state names and callback symbols.
 */
public final class NetDevDriver extends SimpleStateDriver {
    public NetDevDriver() {
        super("net_dev", 250, allArchitectures(),
                StateSpec.noCalls("CPUHP_NET_DEV_DEAD", "net/dev:dead", null, "dev_cpu_dead"));
    }
}
