package org.hotplugemu.drivers.mm;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models zsmalloc's per-CPU mapping areas (mm/zsmalloc.c), registered at boot by kernels whose zswap
 * uses it (Debian 6.12; not Debian 6.1, whose table still has {@code CPUHP_MM_ZSWP_MEM_PREPARE}).
 *
 * <p>Experimental.
 */
public final class ZsmallocDriver extends SimpleStateDriver {
    public ZsmallocDriver() {
        super("zsmalloc", 335, allArchitectures(),
                StateSpec.calls("CPUHP_MM_ZS_PREPARE", "mm/zsmalloc:prepare", "zs_cpu_prepare", "zs_cpu_dead").when("!CPUHP_MM_ZSWP_MEM_PREPARE"));
    }
}
