package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotplugemu.arch.arm64.Arm64ArchitectureProvider;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.profile.Profiles;
import org.hotplugemu.drivers.StockDrivers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The core issue's acceptance, against the captures of real kernels in {@code /reference}: with a
 * profile and the stock drivers, {@code hotplug/states} equals the reference kernel's byte for
 * byte, and a traced offline/online of CPU 1 gives the reference trace event for event (task,
 * flags, event and fields; STARTING/DYING steps are not recorded, as in the kernel).
 */
class ReferenceKernelAcceptanceTest {
    static Machine boot(String kernel, int cpus, String commandLine) {
        ArchitectureProvider provider = kernel.endsWith("x86_64") ? new X86ArchitectureProvider() : new Arm64ArchitectureProvider();
        Machine machine = new MachineBuilder().architecture(provider).cpus(cpus).profile(Profiles.builtIn(kernel))
                .drivers(StockDrivers.all()).commandLine(commandLine).build();
        machine.boot();
        return machine;
    }

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64", "linux-6.1-arm64"})
    void hotplugStatesEqualsTheReferenceByteForByte(String kernel) {
        try (Machine machine = boot(kernel, 4, "")) {
            assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).isEqualTo(ReferenceTrace.resource(kernel, "states.txt"));
        }
    }

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64", "linux-6.1-arm64"})
    void tracedOfflineOnlineOfCpu1EqualsTheReferenceEventForEvent(String kernel) {
        try (Machine machine = boot(kernel, 4, "")) {
            List<String> actual = ReferenceTrace.events(offlineOnline(machine));
            assertThat(actual).containsExactlyElementsOf(ReferenceTrace.events(ReferenceTrace.resource(kernel, "trace-offline-online.txt")));
        }
    }

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64, 10", "linux-6.1-arm64, 28"})
    void emuTraceOfflineCpusAddsTheStartingAndDyingStepsTheKernelCannotRecord(String kernel, int extra) {
        try (Machine machine = boot(kernel, 4, "emu.trace_offline_cpus=1")) {
            List<String> actual = ReferenceTrace.events(offlineOnline(machine));
            List<String> expected = ReferenceTrace.events(ReferenceTrace.resource(kernel, "trace-offline-online.txt"));
            assertThat(actual).hasSize(expected.size() + extra).containsSubsequence(expected);
            assertThat(actual.stream().filter(event -> event.contains("step: 148 "))).isNotEmpty();
        }
    }

    private static String offlineOnline(Machine machine) {
        machine.write("/sys/kernel/tracing/events/cpuhp/enable", "1\n");
        machine.write("/sys/devices/system/cpu/cpu1/online", "0\n");
        machine.write("/sys/devices/system/cpu/cpu1/online", "1\n");
        return machine.tracing().formatText();
    }

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64", "linux-6.1-arm64"})
    void topologyDirectoryGoesAwayWhileTheCpuIsBelowBaseTopologyPrepare(String kernel) {
        try (Machine machine = boot(kernel, 4, "")) {
            String topology = "/sys/devices/system/cpu/cpu1/topology";
            assertThat(machine.read(topology + "/core_id")).isEqualTo("1\n");
            machine.write("/sys/devices/system/cpu/cpu1/online", "0\n");
            assertThat(machine.exists(topology)).isFalse();
            assertThat(machine.list("/sys/devices/system/cpu/cpu1")).doesNotContain("topology/");
            machine.write("/sys/devices/system/cpu/cpu1/online", "1\n");
            assertThat(machine.list("/sys/devices/system/cpu/cpu1")).contains("topology/");
        }
    }
}
