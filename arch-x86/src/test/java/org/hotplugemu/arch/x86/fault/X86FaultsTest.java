package org.hotplugemu.arch.x86.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.x86.X86Architecture;
import org.hotplugemu.arch.x86.X86CostModel;
import org.hotplugemu.arch.x86.apic.ApState;
import org.hotplugemu.arch.x86.smpboot.ApStartup;
import org.hotplugemu.arch.x86.testing.RecordingScheduler;
import org.hotplugemu.core.testing.TestingArchContext;
import org.hotplugemu.core.testing.TestingSecondaryStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class X86FaultsTest {
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final TestingArchContext context = new TestingArchContext(4, 1, "", scheduler);
    private final X86Architecture x86 = new X86Architecture(context, X86CostModel.defaults());

    private void arm(String fault, int cpu) {
        context.file("/sys/kernel/debug/x86/" + fault).write(cpu + "\n");
    }

    private static Errno errnoOf(Throwable e) {
        return ((HotplugException) e).errno();
    }

    @AfterEach
    void closeEngine() {
        scheduler.close();
    }

    @Test
    void faultFilesShowTheArmedCpuAndRejectBadValues() {
        arm("fail_sipi_lost", 2);

        assertThat(context.file("/sys/kernel/debug/x86/fail_sipi_lost").read()).isEqualTo("2\n");
        assertThat(context.file("/sys/kernel/debug/x86/fail_esr_error").read()).isEqualTo("-1\n");
        assertThatThrownBy(() -> arm("fail_sipi_lost", 0)).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.EINVAL));
        assertThatThrownBy(() -> arm("fail_sipi_lost", 4)).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.EINVAL));
        assertThatThrownBy(() -> context.file("/sys/kernel/debug/x86/fail_sipi_lost").write("two\n"))
                .satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.EINVAL));
        arm("fail_sipi_lost", -1);
        assertThat(context.file("/sys/kernel/debug/x86/fail_sipi_lost").read()).isEqualTo("-1\n");
    }

    @Test
    void lostSipiLeavesTheCpuWaitingWithNoErrorForTheCoreToTimeOut() {
        arm("fail_sipi_lost", 2);

        scheduler.control(() -> x86.bootSecondary(2, new TestingSecondaryStart(2, context.scheduler())));

        assertThat(scheduler.settle()).isZero();
        assertThat(x86.apic(2).state()).isEqualTo(ApState.WAIT_FOR_SIPI);
        assertThat(context.tracer().emitted("apic_ipi_ignored")).hasSize(2).allMatch(e -> e.contains("lost"));
        assertThat(x86.faults().sipiLost().armedCpu()).isEqualTo(FaultSwitch.DISARMED);
    }

    @Test
    void lostSipiFiresForOneBringupOnly() {
        arm("fail_sipi_lost", 2);
        scheduler.control(() -> x86.bootSecondary(2, new TestingSecondaryStart(2, context.scheduler())));
        TestingSecondaryStart retry = new TestingSecondaryStart(2, context.scheduler());

        scheduler.control(() -> x86.bootSecondary(2, retry));
        scheduler.settle();

        assertThat(retry.calls()).hasSize(2);
    }

    @Test
    void esrErrorFailsTheWakeupWithEioAfterOneSipiAndTheKernelsMessages() {
        arm("fail_esr_error", 3);

        assertThatThrownBy(() -> scheduler.control(() -> x86.bootSecondary(3, new TestingSecondaryStart(3, context.scheduler()))))
                .satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.EIO));

        assertThat(context.messages()).containsSubsequence(
                "smpboot: APIC delivery error (4)", "smpboot: do_boot_cpu failed(4) to wakeup CPU#3");
        assertThat(context.tracer().emitted("apic_icr_write")).hasSize(3);
        assertThat(context.tracer().emitted("apic_delivery_error")).containsExactly("apic_delivery_error: dest: 0x3 esr: 0x4");
        assertThat(scheduler.settle()).isZero();
        assertThat(x86.apic(3).state()).isEqualTo(ApState.WAIT_FOR_SIPI);
        assertThat(x86.faults().esrError().armedCpu()).isEqualTo(FaultSwitch.DISARMED);
    }

    @Test
    void neverAliveCpuHaltsBeforeOnlineOnceAndComesUpOnRetry() {
        arm("fail_never_alive", 1);
        TestingSecondaryStart first = new TestingSecondaryStart(1, context.scheduler());
        scheduler.control(() -> x86.bootSecondary(1, first));
        scheduler.settle();

        assertThat(first.calls()).isEmpty();
        assertThat(x86.apic(1).haltReason()).isEqualTo(ApStartup.HALT_NEVER_ALIVE);

        TestingSecondaryStart retry = new TestingSecondaryStart(1, context.scheduler());
        scheduler.control(() -> x86.bootSecondary(1, retry));
        scheduler.settle();
        assertThat(retry.calls()).hasSize(2);
    }

    @Test
    void vectorExhaustionFailsDisableWithEnospcUntilDisarmed() {
        arm("fail_vector_exhaustion", 2);

        assertThatThrownBy(() -> scheduler.control(() -> x86.cpuDisable(2))).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.ENOSPC));
        assertThatThrownBy(() -> scheduler.control(() -> x86.cpuDisable(2))).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.ENOSPC));
        assertThat(context.messages()).contains("CPU 2 has 111 vectors, 90 available. Cannot disable CPU");
        assertThat(x86.apic(2).softDisabled()).isFalse();

        arm("fail_vector_exhaustion", -1);
        scheduler.control(() -> x86.cpuDisable(2));
        assertThat(x86.apic(2).softDisabled()).isTrue();
    }
}
