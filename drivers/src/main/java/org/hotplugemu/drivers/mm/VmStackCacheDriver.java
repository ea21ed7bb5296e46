package org.hotplugemu.drivers.mm;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the cached VM stacks of kernel/fork.c, freed when a CPU dies (a dynamic PREPARE state), with the kernel's state names and callback symbols.
 */
public final class VmStackCacheDriver extends SimpleStateDriver {
    public VmStackCacheDriver() {
        super("fork", 350, allArchitectures(),
                StateSpec.noCalls("CPUHP_BP_PREPARE_DYN", "fork:vm_stack_cache", null, "free_vm_stack_cache"));
    }
}
