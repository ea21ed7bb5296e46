package org.hotplugemu.drivers.block;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models per-CPU bio caches of the two bio sets with a per-CPU cache (fs_bio_set, blkdev_dio_pool), with the kernel's state names and callback symbols.
 */
public final class BioDriver extends SimpleStateDriver {
    public BioDriver() {
        super("bio", 290, allArchitectures(),
                StateSpec.multiNoCalls("CPUHP_BIO_DEAD", "block/bio:dead", null, "bio_cpu_dead", "fs_bio_set", "blkdev_dio_pool"));
    }
}
