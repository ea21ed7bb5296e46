package org.hotplugemu.drivers.x86;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models x86 cache control (MTRR/PAT) set-up on each CPU (arch/x86/kernel/cpu/cacheinfo.c),
 * {@code x86/cachectrl:starting} of 6.12, a STARTING state registered without calls.
 *
 * <p>Experimental.
 */
public final class CacheCtrlDriver extends SimpleStateDriver {
    public CacheCtrlDriver() {
        super("x86_cachectrl", 105, only("x86"),
                StateSpec.noCalls("CPUHP_AP_CACHECTRL_STARTING", "x86/cachectrl:starting", "cache_ap_online", "cache_ap_offline"));
    }
}
