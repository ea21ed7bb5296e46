package org.hotplugemu.arch.x86.apic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalApicTest {
    private final LocalApic ap = new LocalApic(1, 0x1, false);

    @Test
    void applicationProcessorWaitsForSipiAfterPowerOnAndBootCpuRuns() {
        assertThat(ap.state()).isEqualTo(ApState.WAIT_FOR_SIPI);
        assertThat(new LocalApic(0, 0, true).state()).isEqualTo(ApState.RUNNING);
    }

    @Test
    void sipiInWaitForSipiStartsTheCpuAtVectorTimes4096() {
        assertThat(ap.receiveStartup(0x9a)).isTrue();

        assertThat(ap.state()).isEqualTo(ApState.RUNNING);
        assertThat(ap.startAddress()).isEqualTo(0x9a000);
    }

    @Test
    void secondSipiToARunningCpuIsIgnored() {
        ap.receiveStartup(0x9a);

        assertThat(ap.receiveStartup(0x10)).isFalse();
        assertThat(ap.startAddress()).isEqualTo(0x9a000);
    }

    @Test
    void sipiToTheBootCpuIsIgnored() {
        LocalApic boot = new LocalApic(0, 0, true);

        assertThat(boot.receiveStartup(0x9a)).isFalse();
        assertThat(boot.state()).isEqualTo(ApState.RUNNING);
    }

    @Test
    void initResetsARunningCpuIntoWaitForSipiAndEndsItsLife() {
        ap.receiveStartup(0x9a);
        int life = ap.generation();

        assertThat(ap.receiveInit()).isEqualTo(ApState.RUNNING);

        assertThat(ap.state()).isEqualTo(ApState.WAIT_FOR_SIPI);
        assertThat(ap.startAddress()).isEqualTo(-1);
        assertThat(ap.isCurrent(life)).isFalse();
    }

    @Test
    void codeOfAnEarlierLifeCannotHaltTheCpu() {
        int oldLife = ap.generation();
        ap.receiveStartup(0x9a);
        ap.receiveInit();
        ap.receiveStartup(0x9a);

        assertThat(ap.halt(oldLife, "mwait_play_dead")).isFalse();
        assertThat(ap.state()).isEqualTo(ApState.RUNNING);
    }

    @Test
    void haltedCpuIgnoresSipiUntilInit() {
        ap.receiveStartup(0x9a);
        ap.halt(ap.generation(), "mwait_play_dead");

        assertThat(ap.receiveStartup(0x9a)).isFalse();
        assertThat(ap.state()).isEqualTo(ApState.HALTED);
        assertThat(ap.haltReason()).isEqualTo("mwait_play_dead");

        ap.receiveInit();
        assertThat(ap.receiveStartup(0x9a)).isTrue();
    }

    @Test
    void errorsBecomeVisibleOnlyAfterTheNextEsrWrite() {
        ap.recordError(LocalApic.ESR_SEND_ACCEPT);
        assertThat(ap.readEsr()).isZero();

        ap.writeEsr();
        assertThat(ap.readEsr()).isEqualTo(LocalApic.ESR_SEND_ACCEPT);

        ap.writeEsr();
        assertThat(ap.readEsr()).isZero();
    }

    @Test
    void icrReadsBusyUntilDeliveryIsDone() {
        ap.writeIcr(Icr.initAssert(2, false));
        assertThat(ap.icr() & Icr.DELIVERY_STATUS_BUSY).isNotZero();

        ap.deliveryDone();
        assertThat(ap.icrBusy()).isFalse();
        assertThat(ap.icr()).isEqualTo(0x0200_0000_0000_C500L);
    }
}
