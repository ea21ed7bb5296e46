package org.hotplugemu.drivers.mm;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models per-CPU page lists of the page allocator (mm/page_alloc.c), with the kernel's state names and callback symbols.
 */
public final class PageAllocDriver extends SimpleStateDriver {
    public PageAllocDriver() {
        super("page_alloc", 220, allArchitectures(),
                StateSpec.noCalls("CPUHP_PAGE_ALLOC", "mm/page_alloc:pcp", "page_alloc_cpu_online", "page_alloc_cpu_dead"));
    }
}
