package org.hotplugemu.drivers.x86;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models the ACPI processor driver (drivers/acpi/processor_driver.c), with the kernel's state names and callback symbols.
 */
public final class AcpiProcessorDriver extends SimpleStateDriver {
    public AcpiProcessorDriver() {
        super("acpi_processor", 570, only("x86"),
                // 6.1 registers the online state without calls; 6.12's boot trace shows the calls (told apart by CPUHP_BP_KICK_AP, 6.5+).
                StateSpec.noCalls("CPUHP_AP_ONLINE_DYN", "acpi/cpu-drv:online", "acpi_soft_cpu_online", null).when("!CPUHP_BP_KICK_AP"),
                StateSpec.calls("CPUHP_AP_ONLINE_DYN", "acpi/cpu-drv:online", "acpi_soft_cpu_online", null).when("CPUHP_BP_KICK_AP"),
                StateSpec.noCalls("CPUHP_ACPI_CPUDRV_DEAD", "acpi/cpu-drv:dead", null, "acpi_soft_cpu_dead"));
    }
}
