package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The core issue's acceptance: with a 6.1 profile and the stock drivers, {@code hotplug/states}
 * equals the reference kernel's byte for byte, and a traced offline/online of CPU 1 gives the
 * reference trace's sequence of (event, cpu, target/state, step, ret). STARTING/DYING events,
 * which the real kernel cannot record, are left out of the comparison.
 */
class ReferenceKernelAcceptanceTest {
    private static final Pattern EVENT = Pattern.compile(
            "(cpuhp_enter|cpuhp_multi_enter|cpuhp_exit):\\s+cpu: (\\d+)\\s+(?:target|state):\\s*(-?\\d+) step:\\s*(\\d+)(?: \\(\\S+\\)| ret: (-?\\d+))");

    private static Machine boot(String arch, int cpus) {
        ArchitectureProvider provider = arch.equals("x86") ? new X86ArchitectureProvider() : new Arm64ArchitectureProvider();
        Machine machine = new MachineBuilder().architecture(provider).cpus(cpus).profile(Profiles.builtIn("linux-6.1-" + suffix(arch)))
                .drivers(StockDrivers.all()).build();
        machine.boot();
        return machine;
    }

    private static String suffix(String arch) {
        return arch.equals("x86") ? "x86_64" : "arm64";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReferenceKernelAcceptanceTest.class.getResourceAsStream("/reference/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Returns "event cpu value step ret" for each cpuhp event, in order. */
    static List<String> cpuhpEvents(String trace, boolean dropAtomic) {
        return trace.lines().map(EVENT::matcher).filter(Matcher::find)
                .filter(m -> !dropAtomic || !isAtomic(Integer.parseInt(m.group(4))))
                .map(m -> String.join(" ", m.group(1), String.valueOf(Integer.parseInt(m.group(2))), m.group(3), m.group(4),
                        m.group(5) == null ? "-" : m.group(5)))
                .toList();
    }

    private static boolean isAtomic(int step) {
        return step >= 92 && step < 152;
    }

    @ParameterizedTest
    @CsvSource({"x86", "arm64"})
    void hotplugStatesEqualsTheReferenceByteForByte(String arch) throws IOException {
        try (Machine machine = boot(arch, 4)) {
            assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).isEqualTo(resource("linux-6.1-" + suffix(arch) + "-states.txt"));
        }
    }

    @ParameterizedTest
    @CsvSource({"x86", "arm64"})
    void tracedOfflineOnlineOfCpu1GivesTheReferenceSequence(String arch) throws IOException {
        try (Machine machine = boot(arch, 4)) {
            machine.write("/sys/kernel/tracing/events/cpuhp/enable", "1\n");
            machine.write("/sys/devices/system/cpu/cpu1/online", "0\n");
            machine.write("/sys/devices/system/cpu/cpu1/online", "1\n");
            List<String> expected = cpuhpEvents(resource("linux-6.1-" + suffix(arch) + "-trace.txt"), false);
            List<String> actual = cpuhpEvents(machine.tracing().formatText(), true);
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"x86", "arm64"})
    void topologyDirectoryGoesAwayWhileTheCpuIsBelowBaseTopologyPrepare(String arch) {
        try (Machine machine = boot(arch, 4)) {
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
