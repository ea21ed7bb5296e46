package org.hotplugemu.drivers.mm;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models zswap per-CPU destination buffers and one compressor pool instance (mm/zswap.c), with the kernel's state names and callback symbols.
 */
public final class ZswapDriver extends SimpleStateDriver {
    public ZswapDriver() {
        super("zswap", 340, allArchitectures(),
                StateSpec.calls("CPUHP_MM_ZSWP_MEM_PREPARE", "mm/zswap:prepare", "zswap_dstmem_prepare", "zswap_dstmem_dead")
                        .when("CPUHP_MM_ZSWP_MEM_PREPARE"),
                StateSpec.multi("CPUHP_MM_ZSWP_POOL_PREPARE", "mm/zswap_pool:prepare", "zswap_cpu_comp_prepare", "zswap_cpu_comp_dead", "lzo")
                        // 6.12 has the pool state but sets it up only when zswap is first enabled, not at boot.
                        .when("CPUHP_MM_ZSWP_MEM_PREPARE"));
    }
}
