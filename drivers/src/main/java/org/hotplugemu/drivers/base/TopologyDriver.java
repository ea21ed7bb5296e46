package org.hotplugemu.drivers.base;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the cpuN/topology sysfs directory (drivers/base/topology.c), with the kernel's state names and callback symbols.
 */
public final class TopologyDriver extends SimpleStateDriver {
    public TopologyDriver() {
        super("topology", 320, allArchitectures(),
                StateSpec.calls("CPUHP_TOPOLOGY_PREPARE", "base/topology:prepare", "topology_add_dev", "topology_remove_dev"));
    }
}
