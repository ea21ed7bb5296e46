package org.hotplugemu.arch.arm64.smp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ServiceLoader;
import org.hotplugemu.arch.arm64.Arm64Architecture;
import org.hotplugemu.core.testing.TestingArchContext;
import org.hotplugemu.core.testing.TestingSecondaryStart;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.KernelVersion;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.EngineOptions;
import org.hotplugemu.core.engine.Engines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The arm64 backend on the sim engine, driven as the core drives it, without the state machine. */
class Arm64ArchitectureEngineTest {
    private final Engine engine = Engines.create("sim", new EngineOptions(7));
    private TestingArchContext context;
    private Arm64Architecture arch;

    @AfterEach
    void close() {
        engine.close();
    }

    private void create(int cpus, String commandLine) {
        context = new TestingArchContext(cpus, 1, commandLine, engine);
        ArchitectureProvider provider = ServiceLoader.load(ArchitectureProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("arm64")).findFirst().orElseThrow();
        arch = (Arm64Architecture) provider.create(context);
    }

    private TestingSecondaryStart up(int cpu) {
        TestingSecondaryStart start = TestingSecondaryStart.idling(cpu, engine);
        engine.execute("control", 0, () -> arch.bootSecondary(cpu, start));
        return start;
    }

    private void down(int cpu, TestingSecondaryStart start) {
        engine.execute("control", 0, () -> {
            arch.cpuDisable(cpu);
            start.takeDown();
            arch.cpuDie(cpu, true);
        });
    }

    private HotplugException upFails(int cpu) {
        TestingSecondaryStart start = TestingSecondaryStart.idling(cpu, engine);
        return (HotplugException) org.assertj.core.api.Assertions.catchThrowable(
                () -> engine.execute("control", 0, () -> arch.bootSecondary(cpu, start)));
    }

    @Test
    void bootPrintsTheReferenceLinesInOrder() {
        create(4, "");
        engine.execute("control", 0, () -> {
            arch.smpSetupProcessorId();
            arch.setupArch(new KernelVersion(6, 12));
            arch.smpPrepareCpus();
        });
        for (int cpu = 1; cpu < 4; cpu++) {
            assertThat(up(cpu).isOnline()).isTrue();
        }
        engine.execute("control", 0, () -> arch.smpCpusDone(4));

        assertThat(context.messages()).containsExactly(
                "Booting Linux on physical CPU 0x0000000000 [0x411fd070]",
                "psci: probing for conduit method from DT.",
                "psci: PSCIv1.1 detected in firmware.",
                "psci: Using standard PSCI v0.2 function IDs",
                "psci: Trusted OS migration not required",
                "psci: SMC Calling Convention v1.0",
                "Detected PIPT I-cache on CPU0",
                "Detected PIPT I-cache on CPU1",
                "CPU1: Booted secondary processor 0x0000000001 [0x411fd070]",
                "Detected PIPT I-cache on CPU2",
                "CPU2: Booted secondary processor 0x0000000002 [0x411fd070]",
                "Detected PIPT I-cache on CPU3",
                "CPU3: Booted secondary processor 0x0000000003 [0x411fd070]",
                "SMP: Total of 4 processors activated.");
        assertThat(context.dmesg().get(7)).as("power-on latency plus warm boot").isEqualTo("[    0.000250] Detected PIPT I-cache on CPU1");
        assertThat(engine.threads()).extracting(t -> t.name()).contains("swapper/1", "swapper/2", "swapper/3");
    }

    @Test
    void offlineKillsThroughAffinityInfoAndTheCpuComesBackOnline() {
        create(4, "");
        TestingSecondaryStart start = up(1);
        down(1, start);
        assertThat(context.messages()).endsWith("psci: CPU1 killed (polled 0 ms)");
        assertThat(arch.firmware().affinityInfo(0x1)).isEqualTo(1);

        assertThat(up(1).isOnline()).isTrue();
        assertThat(context.messages()).endsWith("CPU1: Booted secondary processor 0x0000000001 [0x411fd070]");
        assertThat(context.tracer().records()).anyMatch(r -> r.startsWith("psci_call: CPU_OFF"))
                .anyMatch(r -> r.startsWith("psci_return: AFFINITY_INFO") && r.endsWith("ret=1 (value)"));
    }

    @Test
    void cpuOnInternalFailureFailsTheBootWithEinval() {
        create(4, "");
        engine.execute("debugfs", 0, () -> context.file("/sys/kernel/debug/arm64/psci_fail_cpu_on_internal").write("2\n"));
        assertThat(upFails(2).errno()).isEqualTo(Errno.EINVAL);
        assertThat(context.messages()).containsExactly("psci: failed to boot CPU2 (-22)", "CPU2: failed to boot: -22");
        assertThat(arch.firmware().affinityInfo(0x2)).isEqualTo(1);
    }

    @Test
    void cpuOnRefusedAfterCpuOffFailsTheSecondOnlineWithEpermUntilReset() {
        create(4, "");
        as61();
        engine.execute("debugfs", 0, () -> context.file("/sys/kernel/debug/arm64/psci_deny_on_after_off").write("1"));
        down(1, up(1));
        assertThat(upFails(1).errno()).isEqualTo(Errno.EPERM);
        assertThat(context.messages()).endsWith("psci: failed to boot CPU1 (-1)", "CPU1: failed to boot: -1");
        engine.execute("debugfs", 0, () -> context.file("/sys/kernel/debug/arm64/psci_deny_on_after_off").write("-1"));
        assertThat(up(1).isOnline()).isTrue();
    }

    @Test
    void aCpuThatNeverRunsFailsWithEioAfterFiveSeconds() {
        create(4, "");
        engine.execute("debugfs", 0, () -> context.file("/sys/kernel/debug/arm64/cpu_never_runs").write("3"));
        long before = engine.nanoTime();
        assertThat(upFails(3).errno()).isEqualTo(Errno.EIO);
        assertThat(engine.nanoTime() - before).isGreaterThanOrEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(context.messages()).containsExactly("CPU3: failed to come online", "CPU3: failed in unknown state : 0x0");
        assertThat(upFails(3).errno()).as("still ON_PENDING: EINVAL").isEqualTo(Errno.EINVAL);

        engine.execute("debugfs", 0, () -> context.file("/sys/kernel/debug/arm64/cpu_never_runs").write("-1"));
        assertThat(up(3).isOnline()).isTrue();
    }

    @Test
    void aCpuThatNeverReachesOffStillGoesOfflineWithTheWarning() {
        create(4, "");
        engine.execute("debugfs", 0, () -> context.file("/sys/kernel/debug/arm64/cpu_never_off").write("1"));
        TestingSecondaryStart start = up(1);
        long before = engine.nanoTime();
        down(1, start);
        assertThat(engine.nanoTime() - before).isBetween(Duration.ofMillis(96).toNanos(), Duration.ofMillis(105).toNanos());
        assertThat(context.messages()).endsWith(
                "psci: CPU1 may not have shut down cleanly (AFFINITY_INFO reports 0)",
                "CPU1 may not have shut down cleanly: -110");
        assertThat(start.hardwareThread().isAlive()).as("the hardware thread ended at CPU_OFF").isFalse();
    }

    /** Tells the backend it emulates 6.1 (which prints the PSCI probe lines). */
    private void as61() {
        engine.execute("control", 0, () -> arch.setupArch(new KernelVersion(6, 1)));
    }

    @Test
    void aCpuThatDidNotReportDeadIsNotKilledAnd61SaysSo() {
        create(2, "");
        as61();
        up(1);
        engine.execute("control", 0, () -> arch.cpuDie(1, false));
        assertThat(context.messages()).endsWith("CPU1: cpu didn't die");
    }

    @Test
    void aCpuThatDidNotReportDeadIsLeftToTheCoresMessageFrom65() {
        create(2, "");
        up(1);
        int before = context.messages().size();
        engine.execute("control", 0, () -> arch.cpuDie(1, false));
        assertThat(context.messages()).hasSize(before);
        assertThat(arch.firmware().affinityInfo(0x1)).as("not killed").isZero();
    }

    @Test
    void aCpuFirmwareKeepsDisabledIsRefusedWithEpermAnd61LogsIt() {
        create(4, "psci.disabled=3");
        as61();
        assertThat(upFails(3).errno()).isEqualTo(Errno.EPERM);
        assertThat(context.messages()).endsWith("Detected PIPT I-cache on CPU0", "psci: failed to boot CPU3 (-1)", "CPU3: failed to boot: -1");
    }

    @Test
    void aCpuFirmwareKeepsDisabledIsRefusedSilentlyFrom611() {
        create(4, "psci.disabled=3");
        assertThat(upFails(3).errno()).isEqualTo(Errno.EPERM);
        assertThat(context.messages()).isEmpty();
    }

    @Test
    void spinTableCpusBootButCannotGoOfflineAndSayWhy() {
        create(4, "arm64.spin_table=2-3");
        assertThat(up(2).isOnline()).isTrue();
        assertThat(arch.isHotpluggable(2)).isFalse();
        assertThat(arch.isHotpluggable(1)).isTrue();
        assertThat(arch.isHotpluggable(0)).as("PSCI boot CPU").isTrue();
        assertThat(context.tracer().records()).noneMatch(r -> r.contains("CPU_ON"));
        assertThatThrownBy(() -> arch.cpuDisable(2)).isInstanceOf(HotplugException.class)
                .hasMessageContaining("spin-table CPUs cannot be taken offline")
                .extracting(e -> ((HotplugException) e).errno()).isEqualTo(Errno.EOPNOTSUPP);
        assertThatThrownBy(() -> engine.execute("debugfs", 0, () -> context.file("/sys/kernel/debug/arm64/cpu_never_off").write("2")))
                .hasMessageContaining("not managed by PSCI");
    }

    @Test
    void aTrustedOsCpuIsReportedAndCannotGoOffline() {
        create(2, "psci.tos_resident_on=1 psci.conduit=smc");
        engine.execute("control", 0, () -> arch.setupArch(new KernelVersion(6, 12)));
        assertThat(context.messages()).contains("psci: Trusted OS resident on physical CPU 0x1");
        assertThat(arch.isHotpluggable(1)).isFalse();
        assertThat(up(1).isOnline()).isTrue();
        assertThatThrownBy(() -> arch.cpuDisable(1)).isInstanceOf(HotplugException.class)
                .extracting(e -> ((HotplugException) e).errno()).isEqualTo(Errno.EPERM);
    }

    @Test
    void faultFilesReadTheArmedCpuAndRejectGarbage() {
        create(4, "");
        assertThat(context.fileNames()).containsExactly(
                "/sys/kernel/debug/arm64/cpu_never_off", "/sys/kernel/debug/arm64/cpu_never_runs",
                "/sys/kernel/debug/arm64/psci_deny_on_after_off", "/sys/kernel/debug/arm64/psci_fail_cpu_on_internal");
        var file = context.file("/sys/kernel/debug/arm64/cpu_never_off");
        assertThat(file.read()).isEqualTo("-1\n");
        engine.execute("debugfs", 0, () -> file.write("2\n"));
        assertThat(file.read()).isEqualTo("2\n");
        assertThatThrownBy(() -> engine.execute("debugfs", 0, () -> file.write("x"))).hasMessageContaining("takes a CPU number");
        assertThatThrownBy(() -> engine.execute("debugfs", 0, () -> file.write("4"))).hasMessageContaining("does not exist");
    }

    @Test
    void badOptionsFailCreationWithEinval() {
        assertThatThrownBy(() -> create(4, "psci.conduit=svc")).isInstanceOf(HotplugException.class).hasMessageContaining("smc or hvc");
        assertThatThrownBy(() -> create(4, "psci.disabled=0")).isInstanceOf(HotplugException.class).hasMessageContaining("boot CPU");
        assertThatThrownBy(() -> create(2, "arm64.mpidr=0x0,0x0")).isInstanceOf(HotplugException.class).hasMessageContaining("duplicate");
        create(2, "arm64.mpidr=0x0,0x100");
        assertThat(arch.topology().get(1).hardwareId()).isEqualTo(0x100);
        assertThat(arch.kernelParameters()).contains("psci.conduit", "psci.cpu_off_latency_us", "arm64.spin_table");
    }
}
