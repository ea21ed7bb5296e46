package org.hotplugemu.drivers.mm;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models kcompactd CPU affinity (mm/compaction.c, dynamic slot 204), with the kernel's state names and callback symbols.
 */
public final class CompactionDriver extends SimpleStateDriver {
    public CompactionDriver() {
        super("compaction", 530, allArchitectures(),
                StateSpec.noCalls("CPUHP_AP_ONLINE_DYN", "mm/compaction:online", "kcompactd_cpu_online", null));
    }
}
