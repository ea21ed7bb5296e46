package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kernel log of boot and of sysfs offline/online as the captured kernels print it
 * ({@code dmesg-smp*.txt}), restricted to the lines the emulator models: banner, command line,
 * CPU enumeration, PSCI, SMP bring-up and teardown.
 */
class ReferenceDmesgTest {
    private static final String CMDLINE = "console=ttyS0 panic=-1 loglevel=4 trace_event=cpuhp:* trace_buf_size=8M"
            + " trace_clock=global kcap_mode=boot";
    /** What the emulator prints of a boot; the rest of a real dmesg (memory, ACPI, PCI...) it does not model. */
    private static final Pattern MODELLED = Pattern.compile("(Booting Linux on physical CPU|Linux version |Command line: "
            + "|Kernel command line: |Unknown kernel command line|psci: |Detected PIPT I-cache|CPU topo: |smpboot: |smp: "
            + "|x86: Booting|\\.\\.\\.\\. node|CPU\\d+: Booted secondary|SMP: Total).*");
    private static final Pattern OFFLINE = Pattern.compile("smpboot: CPU (\\d+) is now offline|psci: CPU(\\d+) killed.*");
    private static final Pattern ONLINE = Pattern.compile("smpboot: Booting Node 0 Processor (\\d+) APIC.*"
            + "|CPU(\\d+): Booted secondary processor.*");

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64", "linux-6.1-arm64", "linux-6.12-x86_64", "linux-6.12-arm64"})
    void bootLogHasTheKernelsLinesInTheKernelsOrder(String kernel) {
        try (Machine machine = ReferenceKernelAcceptanceTest.boot(kernel, 4, CMDLINE)) {
            // dmesg-smp.txt leaves out both command lines: the 8-CPU capture below has them.
            List<String> expected = modelled(section(ReferenceTrace.resource(kernel, "dmesg-smp.txt"), true));
            assertThat(modelled(messages(machine.dmesg())).stream().filter(line -> !line.contains("ommand line")).toList())
                    .containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"dmesg-smp8-parallel.txt, ''", "dmesg-smp8-serial.txt, ' cpuhp.parallel=0'"})
    void bootOfEightCpusHasTheCommandLinesWhere612PrintsThem(String capture, String extra) {
        try (Machine machine = ReferenceKernelAcceptanceTest.boot("linux-6.12-x86_64", 8, CMDLINE + extra)) {
            List<String> expected = modelled(section(ReferenceTrace.resource("linux-6.12-x86_64", capture), true));
            assertThat(modelled(messages(machine.dmesg()))).containsExactlyElementsOf(expected);
        }
    }

    /**
     * Replays the offline/online writes of the capture's hotplug experiments, read back from its
     * messages, up to the first one the messages alone do not explain (an injected failure).
     */
    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64", "linux-6.1-arm64", "linux-6.12-x86_64", "linux-6.12-arm64"})
    void offlineAndOnlineLogWhatTheKernelLogs(String kernel) {
        List<String> reference = section(ReferenceTrace.resource(kernel, "dmesg-smp.txt"), false);
        try (Machine machine = ReferenceKernelAcceptanceTest.boot(kernel, 4, CMDLINE)) {
            int before = machine.dmesg().size();
            boolean[] online = {true, true, true, true};
            int replayed = 0;
            int end = 0;
            for (int i = 0; i < reference.size(); i++) {
                String line = reference.get(i);
                Matcher offline = OFFLINE.matcher(line);
                Matcher up = ONLINE.matcher(line);
                int cpu = offline.matches() ? group(offline) : up.matches() ? group(up) : -1;
                if (cpu >= 0) {
                    boolean goesOnline = up.matches();
                    if (online[cpu] == goesOnline) {
                        break;
                    }
                    machine.write("/sys/devices/system/cpu/cpu" + cpu + "/online", goesOnline ? "1\n" : "0\n");
                    online[cpu] = goesOnline;
                    replayed++;
                    end = i + 1;
                }
            }
            assertThat(replayed).isGreaterThan(20);
            List<String> actual = messages(machine.dmesg().subList(before, machine.dmesg().size()));
            assertThat(pollTimeMasked(actual)).containsExactlyElementsOf(pollTimeMasked(reference.subList(0, end)));
        }
    }

    @Test
    void sixOneX86RepeatsTheConfigurationHeaderWhenCpu1ComesBackAndSixTwelveDoesNot() {
        for (String kernel : new String[] {"linux-6.1-x86_64", "linux-6.12-x86_64"}) {
            try (Machine machine = ReferenceKernelAcceptanceTest.boot(kernel, 4, "")) {
                machine.write("/sys/devices/system/cpu/cpu1/online", "0\n");
                machine.write("/sys/devices/system/cpu/cpu1/online", "1\n");
                List<String> log = messages(machine.dmesg());
                assertThat(log.subList(log.size() - 2, log.size())).as(kernel).isEqualTo(kernel.contains("6.1-")
                        ? List.of("x86: Booting SMP configuration:", "smpboot: Booting Node 0 Processor 1 APIC 0x1")
                        : List.of("smpboot: CPU 1 is now offline", "smpboot: Booting Node 0 Processor 1 APIC 0x1"));
            }
        }
    }

    /**
     * psci's kill poll time is whole jiffies (4 ms): the captures always show 0, the emulator now
     * and then 4 when its AFFINITY_INFO poll straddles a tick (see the README's Fidelity section).
     */
    private static List<String> pollTimeMasked(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("\\(polled \\d+ ms\\)", "(polled N ms)")).toList();
    }

    private static int group(Matcher matcher) {
        return Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    /** The boot part or the after-boot part of a capture, without timestamps; pr_cont pieces rejoined. */
    private static List<String> section(String capture, boolean boot) {
        List<String> lines = new ArrayList<>();
        boolean inBoot = true;
        for (String raw : capture.split("\n")) {
            if (raw.startsWith("## --- after boot")) {
                inBoot = false;
            }
            if (raw.startsWith("#") || !raw.startsWith("[") || inBoot != boot) {
                continue;
            }
            String message = raw.substring(raw.indexOf("] ") + 2);
            // An AP's own messages split the boot line's pr_cont pieces (" #3" alone in 6.1's capture,
            // one line per CPU in 6.12's serial one): the emulator logs the line whole.
            int node = lastNodeLine(lines);
            if (message.startsWith(" #") && node >= 0) {
                lines.set(node, lines.get(node) + message);
                continue;
            }
            lines.add(message);
        }
        return lines;
    }

    private static int lastNodeLine(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(".... node")) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> messages(List<String> dmesg) {
        return dmesg.stream().map(line -> line.substring(line.indexOf("] ") + 2)).toList();
    }

    /**
     * The lines the emulator models. Two are compared by shape only: {@code smpboot: CPU0:} names
     * the emulated CPU model, and the BogoMIPS total depends on each capture's calibration.
     */
    private static List<String> modelled(List<String> lines) {
        return lines.stream().map(String::stripTrailing).filter(line -> MODELLED.matcher(line).matches())
                .map(line -> line.startsWith("smpboot: CPU0: ") ? "smpboot: CPU0: <model>" : line)
                .map(line -> line.replaceAll("\\(\\d+\\.\\d+ BogoMIPS\\)", "(N BogoMIPS)")).toList();
    }
}
