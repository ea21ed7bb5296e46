package org.hotplugemu.drivers.mm;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the dirty-throttling ratelimit of mm/page-writeback.c (dynamic slot 201), with the kernel's state names and callback symbols.
 */
public final class WritebackDriver extends SimpleStateDriver {
    public WritebackDriver() {
        super("writeback", 500, allArchitectures(),
                StateSpec.calls("CPUHP_AP_ONLINE_DYN", "mm/writeback:online", "page_writeback_cpu_online", null),
                StateSpec.noCalls("CPUHP_MM_WRITEBACK_DEAD", "mm/writeback:dead", null, "page_writeback_cpu_online"));
    }
}
