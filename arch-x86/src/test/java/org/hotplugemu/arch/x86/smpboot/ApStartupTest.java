package org.hotplugemu.arch.x86.smpboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hotplugemu.arch.x86.X86CostModel;
import org.hotplugemu.arch.x86.apic.ApState;
import org.hotplugemu.arch.x86.apic.LocalApic;
import org.hotplugemu.arch.x86.testing.TestingScheduler;
import org.hotplugemu.core.testing.TestingSecondaryStart;
import org.junit.jupiter.api.Test;

class ApStartupTest {
    private final TestingScheduler scheduler = new TestingScheduler();

    @Test
    void apWhoseApicIdIsNotInTheKernelsTableHalts() {
        ApStartup startup = new ApStartup(scheduler, X86CostModel.free(), apicId -> Optional.empty(), cpu -> false);
        TestingSecondaryStart start = new TestingSecondaryStart(1, scheduler);
        startup.prepare(start);
        LocalApic apic = new LocalApic(1, 0x1, false);
        apic.receiveStartup(0x9a);

        startup.started(apic, 0x9a000, apic.generation());
        scheduler.runSpawned();

        assertThat(start.calls()).isEmpty();
        assertThat(apic.state()).isEqualTo(ApState.HALTED);
        assertThat(apic.haltReason()).isEqualTo(ApStartup.HALT_UNKNOWN_APIC_ID);
    }

    @Test
    void apResetByInitDuringEarlyInitAbandonsItsStart() {
        LocalApic apic = new LocalApic(1, 0x1, false);
        // The INIT arrives while the AP is still in its trampoline.
        ApStartup startup = new ApStartup(scheduler, X86CostModel.defaults(), apicId -> {
            apic.receiveInit();
            return Optional.of(1);
        }, cpu -> false);
        TestingSecondaryStart start = new TestingSecondaryStart(1, scheduler);
        startup.prepare(start);
        apic.receiveStartup(0x9a);

        startup.started(apic, 0x9a000, apic.generation());
        scheduler.runSpawned();

        assertThat(start.calls()).isEmpty();
        assertThat(apic.state()).isEqualTo(ApState.WAIT_FOR_SIPI);
    }
}
