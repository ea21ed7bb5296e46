package org.hotplugemu.arch.x86.smpboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hotplugemu.arch.x86.X86CostModel;
import org.hotplugemu.arch.x86.apic.ApState;
import org.hotplugemu.arch.x86.apic.LocalApic;
import org.hotplugemu.arch.x86.testing.RecordingScheduler;
import org.hotplugemu.core.testing.TestingSecondaryStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApStartupTest {
    private final RecordingScheduler scheduler = new RecordingScheduler();

    @AfterEach
    void closeEngine() {
        scheduler.close();
    }

    @Test
    void apWhoseApicIdIsNotInTheKernelsTableHalts() {
        ApStartup startup = new ApStartup(scheduler, X86CostModel.free(), apicId -> Optional.empty(), cpu -> false);
        TestingSecondaryStart start = new TestingSecondaryStart(1, scheduler);
        startup.prepare(start);
        LocalApic apic = new LocalApic(1, 0x1, false);
        apic.receiveStartup(0x9a);

        scheduler.control(() -> startup.started(apic, 0x9a000, apic.generation()));
        scheduler.settle();

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

        scheduler.control(() -> startup.started(apic, 0x9a000, apic.generation()));
        scheduler.settle();

        assertThat(start.calls()).isEmpty();
        assertThat(apic.state()).isEqualTo(ApState.WAIT_FOR_SIPI);
    }
}
