package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hotplugemu.arch.arm64.Arm64ArchitectureProvider;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.driver.MachineDrivers;

/** Machine sources for explore tests: a stock architecture and its stock drivers, plus any extra drivers. */
final class TestingSources {
    private TestingSources() {
    }

    static MachineSource stock(String arch, int cpus, String commandLine, Supplier<List<HotplugDriver>> extra) {
        ArchitectureProvider provider = arch.equals("arm64") ? new Arm64ArchitectureProvider() : new X86ArchitectureProvider();
        return new MachineSource(() -> new MachineBuilder().architecture(provider), () -> {
            List<HotplugDriver> drivers = new ArrayList<>(MachineDrivers.createEach(MachineDrivers.installed(), arch));
            drivers.addAll(extra.get());
            return drivers;
        }, commandLine, cpus, "--arch " + arch);
    }

    static MachineSource stock(String arch, int cpus) {
        return stock(arch, cpus, "", List::of);
    }
}
