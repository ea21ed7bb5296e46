package org.hotplugemu.arch.x86.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.profile.Profiles;
import org.junit.jupiter.api.Test;

/**
 * Virtual boot time of the secondary CPUs, from {@code smp: Bringing up secondary CPUs ...} to
 * {@code smp: Brought up ...}, against the anchor of the v6.5 parallel bringup series: a 112-thread
 * Skylake took about 800 ms serially and 80 ms in parallel.
 */
class X86BootTimeTest {
    static final int SKYLAKE_THREADS = 112;

    static long bringupMillis(String commandLine) {
        try (Machine machine = new MachineBuilder().architecture(new X86ArchitectureProvider())
                .profile(Profiles.builtIn("linux-6.12-x86_64")).cpus(SKYLAKE_THREADS).threadsPerCore(2)
                // Flat callback costs: these figures are real hardware's, not the TCG-calibrated profile's.
                .commandLine(("emu.callback_cost_ns=1000 " + commandLine).trim()).build()) {
            machine.boot();
            assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-" + (SKYLAKE_THREADS - 1) + "\n");
            List<String> dmesg = machine.dmesg();
            return (timestampNanos(dmesg, "smp: Brought up ") - timestampNanos(dmesg, "smp: Bringing up secondary CPUs")) / 1_000_000;
        }
    }

    private static long timestampNanos(List<String> dmesg, String message) {
        String line = dmesg.stream().filter(l -> l.contains("] " + message)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + message + "' in dmesg: " + dmesg));
        String[] parts = line.substring(1, line.indexOf(']')).strip().split("\\.");
        return Long.parseLong(parts[0]) * 1_000_000_000L + Long.parseLong(parts[1]) * 1_000L;
    }

    @Test
    void serialBringupOf112ThreadsTakesAbout800VirtualMilliseconds() {
        assertThat(bringupMillis("cpuhp.parallel=0")).isBetween(700L, 900L);
    }

    @Test
    void parallelBringupOf112ThreadsTakesAbout80VirtualMilliseconds() {
        assertThat(bringupMillis("")).isBetween(60L, 100L);
    }
}
