package org.hotplugemu.core.machine;

import org.hotplugemu.arch.spi.CpuMasks;
import org.hotplugemu.api.kernel.CpuSet;
import org.hotplugemu.api.driver.CpuMask;
import org.hotplugemu.core.state.Masks;

/**
 * The CPU masks as a backend sees them: snapshots, never the live masks, so that nothing a plugin
 * holds can change them. Bound to the machine's masks once its hotplug state exists.
 */
final class ArchMasks implements CpuMasks {
    private volatile Masks masks;

    void bind(Masks masks) {
        this.masks = masks;
    }

    private Masks masks() {
        Masks bound = masks;
        if (bound == null) {
            throw new IllegalStateException("the CPU masks do not exist yet: read them after ArchitectureProvider.create returned");
        }
        return bound;
    }

    private static CpuSet snapshot(CpuMask mask) {
        return CpuSet.of(mask.stream());
    }

    @Override
    public CpuSet possible() {
        return snapshot(masks().possible());
    }

    @Override
    public CpuSet present() {
        return snapshot(masks().present());
    }

    @Override
    public CpuSet online() {
        return snapshot(masks().online());
    }

    @Override
    public CpuSet active() {
        return snapshot(masks().active());
    }
}
