package org.hotplugemu.arch.x86.smpboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootAnnouncerTest {
    private final List<String> lines = new ArrayList<>();

    @Test
    void bootLineNumbersAreRightAlignedToTheWidthOfThePossibleCpuCount() {
        BootAnnouncer announcer = new BootAnnouncer((level, message) -> lines.add(message), 112);
        for (int cpu : new int[] {1, 9, 10, 100, 111}) {
            announcer.announce(cpu, cpu, true);
        }

        assertThat(lines).containsExactly("x86: Booting SMP configuration:", ".... node  #0, CPUs:          #1   #9  #10 #100 #111");
    }

    @Test
    void bootLineIsLoggedAtTheEndOfBootWhenTheLastCpuWasNotBroughtUp() {
        BootAnnouncer announcer = new BootAnnouncer((level, message) -> lines.add(message), 4);
        announcer.announce(1, 1, true);
        announcer.announce(2, 2, true);
        assertThat(lines).containsExactly("x86: Booting SMP configuration:");

        announcer.flush();

        assertThat(lines).containsExactly("x86: Booting SMP configuration:", ".... node  #0, CPUs:      #1 #2");
    }

    @Test
    void afterBootOnlyCpuOneRepeatsTheConfigurationHeader() {
        BootAnnouncer announcer = new BootAnnouncer((level, message) -> lines.add(message), 4);
        announcer.announce(2, 0x4, false);
        announcer.announce(1, 0x2, false);

        assertThat(lines).containsExactly("smpboot: Booting Node 0 Processor 2 APIC 0x4",
                "x86: Booting SMP configuration:", "smpboot: Booting Node 0 Processor 1 APIC 0x2");
    }
}
