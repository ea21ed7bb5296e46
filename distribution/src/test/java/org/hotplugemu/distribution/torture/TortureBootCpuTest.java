package org.hotplugemu.distribution.torture;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotplugemu.arch.arm64.Arm64ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.driver.MachineDrivers;
import org.junit.jupiter.api.Test;

/** Where the boot CPU is hotpluggable (arm64), the torture takes it offline too and keeps another CPU. */
class TortureBootCpuTest {
    @Test
    void arm64TortureOfflinesTheBootCpuAndKeepsTheLoadOnAnotherCpu() {
        try (Machine machine = new MachineBuilder().architecture(new Arm64ArchitectureProvider()).cpus(4)
                .driverProviders(MachineDrivers.installed()).seed(5).build()) {
            machine.boot();
            Torture.Result result = new Torture(machine, 5, false).run(120, done -> { });

            assertThat(result.problems()).isEmpty();
            assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("psci: CPU0 killed (polled 0 ms)"));
            assertThat(machine.dmesg()).noneMatch(line -> line.endsWith("psci: CPU3 killed (polled 0 ms)"));
        }
    }
}
