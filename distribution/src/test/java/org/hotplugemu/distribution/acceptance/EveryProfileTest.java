package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotplugemu.arch.arm64.Arm64ArchitectureProvider;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.profile.Profiles;
import org.hotplugemu.distribution.torture.Torture;
import org.hotplugemu.core.driver.MachineDrivers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every built-in profile boots with the stock drivers on its architecture and survives a short
 * torture: drivers written against one kernel's table must cope with states another kernel lacks.
 */
class EveryProfileTest {
    @ParameterizedTest
    @CsvSource({"x86, linux-6.1-x86_64", "x86, linux-6.12-x86_64", "arm64, linux-6.1-arm64", "arm64, linux-6.12-arm64"})
    void bootsWithTheStockDriversAndSurvivesATorture(String arch, String profile) {
        ArchitectureProvider provider = arch.equals("x86") ? new X86ArchitectureProvider() : new Arm64ArchitectureProvider();
        try (Machine machine = new MachineBuilder().architecture(provider).cpus(6).profile(Profiles.builtIn(profile))
                .driverProviders(MachineDrivers.installed()).seed(9).commandLine("cpuhp.state_control=1").build()) {
            machine.boot();
            assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-5\n");
            Torture.Result result = new Torture(machine, 9, true).run(150, done -> { });
            assertThat(result.problems()).isEmpty();
            assertThat(result.successes()).isPositive();
        }
    }
}
