package org.hotplugemu.drivers.arm64;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the FP/SIMD state ownership of arch/arm64/kernel/fpsimd.c, with the kernel's state names and callback symbols.
 */
public final class FpsimdDriver extends SimpleStateDriver {
    public FpsimdDriver() {
        super("arm64_fpsimd", 360, only("arm64"),
                StateSpec.noCalls("CPUHP_ARM64_FPSIMD_DEAD", "arm64/fpsimd:dead", null, "fpsimd_cpu_dead"));
    }
}
