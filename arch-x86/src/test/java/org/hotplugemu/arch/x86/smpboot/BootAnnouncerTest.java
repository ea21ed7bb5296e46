package org.hotplugemu.arch.x86.smpboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.arch.spi.KernelVersion;
import org.junit.jupiter.api.Test;

class BootAnnouncerTest {
    private static final KernelVersion V6_1 = new KernelVersion(6, 1);
    private static final KernelVersion V6_12 = new KernelVersion(6, 12);
    private final List<String> lines = new ArrayList<>();

    @Test
    void bootLineNumbersAreRightAlignedToTheWidthOfThePossibleCpuCount() {
        BootAnnouncer announcer = new BootAnnouncer((level, message) -> lines.add(message), 112, () -> V6_1);
        for (int cpu : new int[] {1, 9, 10, 100, 111}) {
            announcer.announce(cpu, cpu, true);
        }

        assertThat(lines).containsExactly("x86: Booting SMP configuration:", ".... node  #0, CPUs:          #1   #9  #10 #100 #111");
    }

    @Test
    void bootLineIsLoggedAtTheEndOfBootWhenTheLastCpuWasNotBroughtUp() {
        BootAnnouncer announcer = new BootAnnouncer((level, message) -> lines.add(message), 4, () -> V6_1);
        announcer.announce(1, 1, true);
        announcer.announce(2, 2, true);
        assertThat(lines).containsExactly("x86: Booting SMP configuration:");

        announcer.flush();

        assertThat(lines).containsExactly("x86: Booting SMP configuration:", ".... node  #0, CPUs:      #1 #2");
    }

    @Test
    void afterBootOnlyCpuOneRepeatsTheConfigurationHeader() {
        BootAnnouncer announcer = new BootAnnouncer((level, message) -> lines.add(message), 4, () -> V6_1);
        announcer.announce(2, 0x4, false);
        announcer.announce(1, 0x2, false);

        assertThat(lines).containsExactly("smpboot: Booting Node 0 Processor 2 APIC 0x4",
                "x86: Booting SMP configuration:", "smpboot: Booting Node 0 Processor 1 APIC 0x2");
    }

    @Test
    void from65TheHeaderIsPrintedOnceAtBootWithThePrefixAndNeverAfter() {
        BootAnnouncer announcer = new BootAnnouncer((level, message) -> lines.add(message), 4, () -> V6_12);
        announcer.announce(1, 1, true);
        announcer.announce(2, 2, true);
        announcer.announce(3, 3, true);
        announcer.announce(1, 1, false);

        // reference/linux-6.12-x86_64/dmesg-smp.txt
        assertThat(lines).containsExactly("smpboot: x86: Booting SMP configuration:", ".... node  #0, CPUs:      #1 #2 #3",
                "smpboot: Booting Node 0 Processor 1 APIC 0x1");
    }

    @Test
    void from65ThePaddingPrecedesTheFirstCpuAnnouncedWhateverItsNumber() {
        BootAnnouncer announcer = new BootAnnouncer((level, message) -> lines.add(message), 4, () -> V6_12);
        announcer.announce(2, 2, true);
        announcer.announce(3, 3, true);

        assertThat(lines).containsExactly("smpboot: x86: Booting SMP configuration:", ".... node  #0, CPUs:      #2 #3");
    }
}
