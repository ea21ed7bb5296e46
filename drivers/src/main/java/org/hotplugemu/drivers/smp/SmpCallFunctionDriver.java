package org.hotplugemu.drivers.smp;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the per-CPU cross-call queues of kernel/smp.c, with the kernel's state names and callback symbols.
 */
public final class SmpCallFunctionDriver extends SimpleStateDriver {
    public SmpCallFunctionDriver() {
        super("smpcfd", 160, allArchitectures(),
                StateSpec.noCalls("CPUHP_SMPCFD_PREPARE", "smpcfd:prepare", "smpcfd_prepare_cpu", "smpcfd_dead_cpu"),
                StateSpec.noCalls("CPUHP_AP_SMPCFD_DYING", "smpcfd:dying", null, "smpcfd_dying_cpu"));
    }
}
