package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hotplugemu.arch.arm64.Arm64ArchitectureProvider;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.profile.Profiles;
import org.hotplugemu.core.driver.MachineDrivers;
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
                .driverProviders(MachineDrivers.installed()).commandLine(commandLine).build();
        machine.boot();
        return machine;
    }

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64", "linux-6.1-arm64", "linux-6.12-x86_64", "linux-6.12-arm64"})
    void hotplugStatesEqualsTheReferenceByteForByte(String kernel) {
        try (Machine machine = boot(kernel, 4, "")) {
            assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).isEqualTo(ReferenceTrace.resource(kernel, "states.txt"));
        }
    }

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64", "linux-6.1-arm64", "linux-6.12-x86_64", "linux-6.12-arm64"})
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

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64", "linux-6.1-arm64", "linux-6.12-x86_64", "linux-6.12-arm64"})
    void eachCpusBootTraceEqualsTheReference(String kernel) {
        try (Machine machine = boot(kernel, 4, "trace_event=cpuhp:*")) {
            assertBootTrace(machine, ReferenceTrace.resource(kernel, "trace-boot.txt"));
        }
    }

    @ParameterizedTest
    @CsvSource({"trace-boot-smp8-parallel.txt, ''", "trace-boot-smp8-serial.txt, cpuhp.parallel=0"})
    void eightCpuX86BootsInTheReferencesPassesAndPerCpuSequences(String file, String commandLine) {
        String reference = ReferenceTrace.resource("linux-6.12-x86_64", file);
        try (Machine machine = boot("linux-6.12-x86_64", 8, ("trace_event=cpuhp:* " + commandLine).trim())) {
            assertBootTrace(machine, reference);
            // Parallel: every AP kicked to cpu:kick_ap first, then each brought online; serial: one after the other.
            assertThat(kicksAndBringups(machine.tracing().formatText())).containsExactlyElementsOf(kicksAndBringups(reference));
        }
    }

    private static List<String> kicksAndBringups(String trace) {
        return ReferenceTrace.events(trace).stream()
                .filter(event -> event.endsWith("(cpuhp_kick_ap_alive)") || event.endsWith("(cpuhp_bringup_ap)")).toList();
    }

    static void assertBootTrace(Machine machine, String reference) {
        Map<Integer, List<ReferenceTrace.Event>> expected = ReferenceTrace.eventsByCpu(reference);
        Map<Integer, List<ReferenceTrace.Event>> actual = ReferenceTrace.eventsByCpu(machine.tracing().formatText());
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (int cpu : expected.keySet()) {
            List<String> lines = actual.get(cpu).stream().map(ReferenceTrace.Event::line).toList();
            assertThat(lines).as("boot trace of cpu %d", cpu)
                    .containsExactlyElementsOf(ReferenceTrace.alignClockTies(expected.get(cpu), lines));
        }
    }

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64, 0", "linux-6.1-arm64, 0", "linux-6.12-x86_64, 236", "linux-6.12-arm64, 236"})
    void bootCpuTargetIsWhatTheKernelLeavesIt(String kernel, int target) {
        try (Machine machine = boot(kernel, 4, "")) {
            assertThat(machine.read("/sys/devices/system/cpu/cpu0/hotplug/target")).isEqualTo(target + "\n");
            assertThat(machine.read("/sys/devices/system/cpu/cpu1/hotplug/target")).isEqualTo("236\n");
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
