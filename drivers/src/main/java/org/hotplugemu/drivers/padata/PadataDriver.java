package org.hotplugemu.drivers.padata;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models padata instances (kernel/padata.c, dynamic slot 203; no instance on the reference machines), with the kernel's state names and callback symbols.
 */
public final class PadataDriver extends SimpleStateDriver {
    public PadataDriver() {
        super("padata", 520, allArchitectures(),
                StateSpec.multi("CPUHP_AP_ONLINE_DYN", "padata:online", "padata_cpu_online", "padata_cpu_offline"));
    }
}
