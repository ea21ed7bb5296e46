package org.hotplugemu.drivers.printk;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models console flushing when CPUs come and go (kernel/printk/printk.c), with the kernel's state names and callback symbols.
 */
public final class PrintkDriver extends SimpleStateDriver {
    public PrintkDriver() {
        super("printk", 600, allArchitectures(),
                StateSpec.noCalls("CPUHP_PRINTK_DEAD", "printk:dead", null, "console_cpu_notify"),
                StateSpec.noCalls("CPUHP_AP_ONLINE_DYN", "printk:online", "console_cpu_notify", null));
    }
}
