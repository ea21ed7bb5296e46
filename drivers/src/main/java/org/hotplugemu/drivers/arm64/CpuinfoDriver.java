package org.hotplugemu.drivers.arm64;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the cpuN/regs/identification sysfs files (arch/arm64/kernel/cpuinfo.c, dynamic slot 206 on arm64), with the kernel's state names and callback symbols.
 */
public final class CpuinfoDriver extends SimpleStateDriver {
    public CpuinfoDriver() {
        super("arm64_cpuinfo", 550, only("arm64"),
                StateSpec.calls("CPUHP_AP_ONLINE_DYN", "arm64/cpuinfo:online", "cpuid_cpu_online", "cpuid_cpu_offline"));
    }
}
