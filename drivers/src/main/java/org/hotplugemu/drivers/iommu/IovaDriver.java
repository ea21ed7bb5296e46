package org.hotplugemu.drivers.iommu;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models IOVA range caches: one instance per domain (none on the reference machines), with the kernel's state names and callback symbols.
 */
public final class IovaDriver extends SimpleStateDriver {
    public IovaDriver() {
        super("iommu_iova", 310, allArchitectures(),
                StateSpec.multi("CPUHP_IOMMU_IOVA_DEAD", "iommu/iova:dead", null, "iova_cpuhp_dead"));
    }
}
