package org.hotplugemu.drivers.relay;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models relay channel buffers (kernel/relay.c), with the kernel's state names and callback symbols.
 */
public final class RelayDriver extends SimpleStateDriver {
    public RelayDriver() {
        super("relay", 170, allArchitectures(),
                StateSpec.noCalls("CPUHP_RELAY_PREPARE", "relay:prepare", "relay_prepare_cpu", null));
    }
}
