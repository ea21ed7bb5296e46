package org.hotplugemu.drivers.random;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the random driver's per-CPU CRNG state (drivers/char/random.c), with the kernel's state names and callback symbols.
 */
public final class RandomDriver extends SimpleStateDriver {
    public RandomDriver() {
        super("random", 150, allArchitectures(),
                StateSpec.noCalls("CPUHP_RANDOM_PREPARE", "random:prepare", "random_prepare_cpu", null),
                StateSpec.noCalls("CPUHP_AP_RANDOM_ONLINE", "random:online", "random_online_cpu", null));
    }
}
