package org.hotplugemu.arch.arm64.psci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugemu.core.testing.TestingTracer;
import org.hotplugemu.api.kernel.Errno;
import org.junit.jupiter.api.Test;

class PsciFirmwareTest {
    private static final long CPU0 = 0x0;
    private static final long CPU1 = 0x1;
    private static final long CPU2 = 0x2;
    private static final long CPU3 = 0x100;
    private static final long ENTRY = 0x40a10000L;
    private static final int CPU_ON = PsciFunction.CPU_ON.nativeId();
    private static final int CPU_OFF = PsciFunction.CPU_OFF.smc32Id();
    private static final int AFFINITY_INFO = PsciFunction.AFFINITY_INFO.nativeId();

    private long now;
    private final List<String> poweredOn = new ArrayList<>();
    private final TestingTracer tracer = new TestingTracer();
    private final PsciFirmware firmware = new PsciFirmware(
            new PsciFirmwareConfig(PsciConduit.HVC, List.of(CPU0, CPU1, CPU2, CPU3), Set.of(CPU2), -1,
                    Duration.ofNanos(300_000), PsciFirmwareConfig.DEFAULT_RAM_BASE, PsciFirmwareConfig.DEFAULT_RAM_SIZE),
            () -> now, (mpidr, entry, context) -> poweredOn.add(Long.toHexString(mpidr) + "@" + Long.toHexString(entry) + "/" + context),
            new PsciTrace(tracer));

    private long call(long caller, long function, long a0, long a1, long a2) {
        return firmware.call(PsciConduit.HVC, caller, function, a0, a1, a2);
    }

    @Test
    void psciVersionIs1_1() {
        assertThat(call(CPU0, PsciFunction.PSCI_VERSION.smc32Id(), 0, 0, 0)).isEqualTo(0x10001);
    }

    @Test
    void cpuOnPowersTheCoreOnAndKeepsItOnPendingUntilItRunsItsWarmBootPath() {
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 42)).isEqualTo(PsciReturn.SUCCESS);
        assertThat(poweredOn).containsExactly("1@40a10000/42");
        assertThat(call(CPU0, AFFINITY_INFO, CPU1, 0, 0)).isEqualTo(PsciReturn.AFFINITY_ON_PENDING);
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 0)).isEqualTo(PsciReturn.ON_PENDING);

        assertThat(firmware.warmBootEntered(CPU1)).as("x0 = context id").isEqualTo(42);

        assertThat(call(CPU0, AFFINITY_INFO, CPU1, 0, 0)).isEqualTo(PsciReturn.AFFINITY_ON);
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 0)).isEqualTo(PsciReturn.ALREADY_ON);
    }

    @Test
    void cpuOnChecksTargetThenAddressThenStateInThatOrder() {
        assertThat(call(CPU0, CPU_ON, 0x7, 0x10, 0)).as("unknown MPIDR wins over a bad address").isEqualTo(PsciReturn.INVALID_PARAMETERS);
        assertThat(call(CPU0, CPU_ON, CPU0, 0x10, 0)).as("bad address wins over ALREADY_ON").isEqualTo(PsciReturn.INVALID_ADDRESS);
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY + 2, 0)).as("misaligned entry").isEqualTo(PsciReturn.INVALID_ADDRESS);
        assertThat(call(CPU0, CPU_ON, CPU1, 0x80000000L, 0)).as("entry past the end of RAM").isEqualTo(PsciReturn.INVALID_ADDRESS);
        assertThat(call(CPU0, CPU_ON, CPU0, ENTRY, 0)).isEqualTo(PsciReturn.ALREADY_ON);
        assertThat(poweredOn).isEmpty();
    }

    @Test
    void cpuOnMasksTheTargetWithTheHardwareIdMask() {
        assertThat(call(CPU0, CPU_ON, CPU3 | 0x8100_0000L, ENTRY, 0)).isEqualTo(PsciReturn.SUCCESS);
        assertThat(poweredOn).containsExactly("100@40a10000/0");
    }

    @Test
    void aCoreFirmwareKeepsDisabledIsDeniedAndReadsOff() {
        assertThat(call(CPU0, CPU_ON, CPU2, ENTRY, 0)).isEqualTo(PsciReturn.DENIED);
        assertThat(PsciReturn.toErrno(PsciReturn.DENIED)).isEqualTo(Errno.EPERM);
        assertThat(call(CPU0, AFFINITY_INFO, CPU2, 0, 0)).isEqualTo(PsciReturn.AFFINITY_OFF);
        assertThat(poweredOn).isEmpty();
    }

    @Test
    void affinityInfoReadsOnDuringTheCpuOffLatencyThenOff() {
        bootCpu1();
        now = 1_000_000;
        assertThat(call(CPU1, CPU_OFF, 0x10000, 0, 0)).as("CPU_OFF accepted: the core stops").isEqualTo(PsciReturn.SUCCESS);
        now += 299_999;
        assertThat(call(CPU0, AFFINITY_INFO, CPU1, 0, 0)).isEqualTo(PsciReturn.AFFINITY_ON);
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 0)).as("still powering down").isEqualTo(PsciReturn.ALREADY_ON);
        now += 1;
        assertThat(call(CPU0, AFFINITY_INFO, CPU1, 0, 0)).isEqualTo(PsciReturn.AFFINITY_OFF);
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 0)).isEqualTo(PsciReturn.SUCCESS);
    }

    @Test
    void affinityInfoRejectsUnknownTargetsAndLevelsAboveZero() {
        assertThat(call(CPU0, AFFINITY_INFO, 0x5, 0, 0)).isEqualTo(PsciReturn.INVALID_PARAMETERS);
        assertThat(call(CPU0, AFFINITY_INFO, CPU0, 1, 0)).isEqualTo(PsciReturn.INVALID_PARAMETERS);
        assertThat(call(CPU0, PsciFunction.AFFINITY_INFO.smc32Id(), CPU0, 0, 0)).as("SMC32 form").isEqualTo(PsciReturn.AFFINITY_ON);
    }

    @Test
    void unknownFunctionsAndTheOtherConduitAreNotSupported() {
        assertThat(call(CPU0, 0x8400_00FFL, 0, 0, 0)).isEqualTo(PsciReturn.NOT_SUPPORTED);
        assertThat(call(CPU0, PsciFunction.SMCCC_VERSION_ID, 0, 0, 0)).isEqualTo(PsciReturn.NOT_SUPPORTED);
        assertThat(call(CPU0, PsciFunction.SYSTEM_OFF.smc32Id(), 0, 0, 0)).isEqualTo(PsciReturn.NOT_SUPPORTED);
        assertThat(firmware.call(PsciConduit.SMC, CPU0, PsciFunction.PSCI_VERSION.smc32Id(), 0, 0, 0)).isEqualTo(PsciReturn.NOT_SUPPORTED);
    }

    @Test
    void psciFeaturesReportsWhatIsImplemented() {
        long features = PsciFunction.PSCI_FEATURES.smc32Id();
        assertThat(call(CPU0, features, CPU_ON, 0, 0)).isEqualTo(PsciReturn.SUCCESS);
        assertThat(call(CPU0, features, CPU_OFF, 0, 0)).isEqualTo(PsciReturn.SUCCESS);
        assertThat(call(CPU0, features, PsciFunction.CPU_SUSPEND.nativeId(), 0, 0)).isEqualTo(PsciReturn.NOT_SUPPORTED);
        assertThat(call(CPU0, features, PsciFunction.SMCCC_VERSION_ID, 0, 0)).isEqualTo(PsciReturn.NOT_SUPPORTED);
        assertThat(call(CPU0, features, PsciFunction.MIGRATE_INFO_UP_CPU.nativeId(), 0, 0)).isEqualTo(PsciReturn.NOT_SUPPORTED);
    }

    @Test
    void migrateInfoTypeSaysNoTrustedOsNeedsMigration() {
        assertThat(call(CPU0, PsciFunction.MIGRATE_INFO_TYPE.smc32Id(), 0, 0, 0)).isEqualTo(PsciReturn.TOS_NOT_PRESENT_MP);
        assertThat(call(CPU0, PsciFunction.MIGRATE_INFO_UP_CPU.nativeId(), 0, 0, 0)).isEqualTo(PsciReturn.NOT_SUPPORTED);
    }

    @Test
    void aTrustedOsCoreReportsItselfAndDeniesCpuOff() {
        PsciFirmware withTos = new PsciFirmware(new PsciFirmwareConfig(PsciConduit.SMC, List.of(CPU0, CPU1), Set.of(), CPU1,
                Duration.ZERO, PsciFirmwareConfig.DEFAULT_RAM_BASE, PsciFirmwareConfig.DEFAULT_RAM_SIZE),
                () -> now, (m, e, c) -> { }, new PsciTrace(new TestingTracer()));
        assertThat(withTos.call(PsciConduit.SMC, CPU0, PsciFunction.MIGRATE_INFO_TYPE.smc32Id(), 0, 0, 0)).isEqualTo(PsciReturn.TOS_UP_NO_MIGRATE);
        assertThat(withTos.call(PsciConduit.SMC, CPU0, PsciFunction.MIGRATE_INFO_UP_CPU.nativeId(), 0, 0, 0)).isEqualTo(CPU1);
        withTos.call(PsciConduit.SMC, CPU0, CPU_ON, CPU1, ENTRY, 0);
        withTos.warmBootEntered(CPU1);
        assertThat(withTos.call(PsciConduit.SMC, CPU1, CPU_OFF, 0, 0, 0)).isEqualTo(PsciReturn.DENIED);
    }

    @Test
    void internalFailureFaultFailsCpuOnAndLeavesTheCoreOff() {
        firmware.setFault(PsciFault.CPU_ON_INTERNAL_FAILURE, CPU1);
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 0)).isEqualTo(PsciReturn.INTERNAL_FAILURE);
        assertThat(PsciReturn.toErrno(PsciReturn.INTERNAL_FAILURE)).isEqualTo(Errno.EINVAL);
        assertThat(call(CPU0, AFFINITY_INFO, CPU1, 0, 0)).isEqualTo(PsciReturn.AFFINITY_OFF);
        assertThat(poweredOn).isEmpty();
        firmware.setFault(PsciFault.CPU_ON_INTERNAL_FAILURE, -1);
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 0)).isEqualTo(PsciReturn.SUCCESS);
    }

    @Test
    void denyAfterOffRefusesCpuOnOnceTheCoreWasOffUntilReset() {
        firmware.setFault(PsciFault.DENY_ON_AFTER_OFF, CPU1);
        bootCpu1();
        call(CPU1, CPU_OFF, 0, 0, 0);
        now += 1_000_000;
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 0)).isEqualTo(PsciReturn.DENIED);
        firmware.setFault(PsciFault.DENY_ON_AFTER_OFF, -1);
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 0)).isEqualTo(PsciReturn.SUCCESS);
    }

    @Test
    void neverRunsFaultAcceptsCpuOnButNeverPowersTheCore() {
        firmware.setFault(PsciFault.NEVER_RUNS, CPU1);
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 0)).isEqualTo(PsciReturn.SUCCESS);
        assertThat(poweredOn).isEmpty();
        assertThat(call(CPU0, AFFINITY_INFO, CPU1, 0, 0)).isEqualTo(PsciReturn.AFFINITY_ON_PENDING);
        firmware.setFault(PsciFault.NEVER_RUNS, -1);
        assertThat(call(CPU0, AFFINITY_INFO, CPU1, 0, 0)).as("reset").isEqualTo(PsciReturn.AFFINITY_OFF);
    }

    @Test
    void neverOffFaultKeepsTheCoreOnUntilDisarmed() {
        firmware.setFault(PsciFault.NEVER_OFF, CPU1);
        bootCpu1();
        call(CPU1, CPU_OFF, 0, 0, 0);
        now += 10_000_000_000L;
        assertThat(call(CPU0, AFFINITY_INFO, CPU1, 0, 0)).isEqualTo(PsciReturn.AFFINITY_ON);
        firmware.setFault(PsciFault.NEVER_OFF, -1);
        assertThat(call(CPU0, AFFINITY_INFO, CPU1, 0, 0)).isEqualTo(PsciReturn.AFFINITY_OFF);
    }

    @Test
    void warmBootWithoutCpuOnIsAnEmulatorBug() {
        assertThatThrownBy(() -> firmware.warmBootEntered(CPU1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("OFF");
    }

    @Test
    void everyCallAndItsResultIsTraced() {
        call(CPU0, CPU_ON, 0x7, ENTRY, 0);
        assertThat(tracer.records()).containsExactly(
                "psci_call: CPU_ON (0xc4000003) arg0=0x7 arg1=0x40a10000 arg2=0x0",
                "psci_return: CPU_ON (0xc4000003) ret=-2 (INVALID_PARAMETERS)");
    }

    @Test
    void everyReturnCodeMapsToTheKernelsErrno() {
        assertThat(PsciReturn.toErrno(PsciReturn.SUCCESS)).isNull();
        assertThat(PsciReturn.toErrno(PsciReturn.NOT_SUPPORTED)).isEqualTo(Errno.EOPNOTSUPP);
        assertThat(PsciReturn.toErrno(PsciReturn.INVALID_PARAMETERS)).isEqualTo(Errno.EINVAL);
        assertThat(PsciReturn.toErrno(PsciReturn.INVALID_ADDRESS)).isEqualTo(Errno.EINVAL);
        assertThat(PsciReturn.toErrno(PsciReturn.DENIED)).isEqualTo(Errno.EPERM);
        for (int code : new int[] {PsciReturn.ALREADY_ON, PsciReturn.ON_PENDING, PsciReturn.INTERNAL_FAILURE,
                PsciReturn.NOT_PRESENT, PsciReturn.DISABLED}) {
            assertThat(PsciReturn.toErrno(code)).as(PsciReturn.name(code)).isEqualTo(Errno.EINVAL);
        }
    }

    private void bootCpu1() {
        assertThat(call(CPU0, CPU_ON, CPU1, ENTRY, 0)).isEqualTo(PsciReturn.SUCCESS);
        firmware.warmBootEntered(CPU1);
    }
}
