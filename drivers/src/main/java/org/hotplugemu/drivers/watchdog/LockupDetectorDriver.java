package org.hotplugemu.drivers.watchdog;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the soft/hard lockup detector (kernel/watchdog.c), with the kernel's state names and callback symbols.
 */
public final class LockupDetectorDriver extends SimpleStateDriver {
    public LockupDetectorDriver() {
        super("lockup_detector", 200, allArchitectures(),
                StateSpec.noCalls("CPUHP_AP_WATCHDOG_ONLINE", "lockup_detector:online", "lockup_detector_online_cpu", "lockup_detector_offline_cpu"));
    }
}
