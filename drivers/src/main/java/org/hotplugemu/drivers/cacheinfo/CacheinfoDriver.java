package org.hotplugemu.drivers.cacheinfo;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the cpuN/cache sysfs directory of drivers/base/cacheinfo.c, built when a CPU comes online and removed before it goes down, with the kernel's state names and callback symbols.
 */
public final class CacheinfoDriver extends SimpleStateDriver {
    public CacheinfoDriver() {
        super("cacheinfo", 400, allArchitectures(),
                StateSpec.calls("CPUHP_AP_BASE_CACHEINFO_ONLINE", "base/cacheinfo:online", "cacheinfo_cpu_online", "cacheinfo_cpu_pre_down"));
    }
}
