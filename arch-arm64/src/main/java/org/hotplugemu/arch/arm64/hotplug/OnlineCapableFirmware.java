package org.hotplugemu.arch.arm64.hotplug;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.arch.spi.HotplugFirmware;

/**
 * arm64 vCPU hot-plug as Linux 6.11+ supports it: every possible vCPU is described up front with
 * the MADT GICC "online capable" flag, and the hypervisor only toggles whether it is enabled. An
 * absent vCPU's processor object reports present but not enabled ({@code _STA} 0xD), and a
 * {@code CPU_ON} to it is refused by firmware with PSCI {@code DENIED}, which the kernel turns into
 * {@code -EPERM}.
 */
public final class OnlineCapableFirmware implements HotplugFirmware {
    @Override
    public String name() {
        return "arm64-online-capable";
    }

    @Override
    public int status(int cpu, boolean inserted) {
        int always = STA_PRESENT | STA_SHOWN | STA_FUNCTIONING;
        return inserted ? always | STA_ENABLED : always;
    }

    @Override
    public int powerOn(int cpu, boolean inserted) {
        return inserted ? 0 : -Errno.EPERM.number();
    }

    @Override
    public String powerOnRefusedMessage(int cpu, int errno) {
        return "psci: failed to boot CPU" + cpu + " (" + errno + ")";
    }
}
