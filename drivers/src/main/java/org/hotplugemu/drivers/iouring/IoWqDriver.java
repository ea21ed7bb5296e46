package org.hotplugemu.drivers.iouring;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models io_uring worker pools: one instance per io-wq (io_uring/io-wq.c, dynamic slot 205; none at boot), with the kernel's state names and callback symbols.
 */
public final class IoWqDriver extends SimpleStateDriver {
    public IoWqDriver() {
        super("io_wq", 540, allArchitectures(),
                StateSpec.multi("CPUHP_AP_ONLINE_DYN", "io-wq/online", "io_wq_cpu_online", "io_wq_cpu_offline"));
    }
}
