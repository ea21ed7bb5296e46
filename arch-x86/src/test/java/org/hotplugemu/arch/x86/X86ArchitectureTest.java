package org.hotplugemu.arch.x86;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ServiceLoader;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.KernelVersion;
import org.hotplugemu.arch.x86.apic.ApState;
import org.hotplugemu.arch.x86.smpboot.ApStartup;
import org.hotplugemu.arch.x86.testing.RecordingScheduler;
import org.hotplugemu.core.testing.TestingArchContext;
import org.hotplugemu.core.testing.TestingSecondaryStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class X86ArchitectureTest {
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final TestingArchContext context = new TestingArchContext(4, 1, "", scheduler);
    private final X86Architecture x86 = new X86Architecture(context, X86CostModel.defaults());

    private TestingSecondaryStart bringUp(int cpu) {
        TestingSecondaryStart start = new TestingSecondaryStart(cpu, context.scheduler());
        scheduler.control(() -> x86.bootSecondary(cpu, start));
        scheduler.settle();
        return start;
    }

    @AfterEach
    void closeEngine() {
        scheduler.close();
    }

    @Test
    void providerIsFoundByServiceLoaderUnderTheNameX86() {
        assertThat(ServiceLoader.load(ArchitectureProvider.class).stream().map(p -> p.get().name())).contains("x86");
        assertThat(x86.defaultProfile()).isEqualTo("linux-6.12-x86_64");
        assertThat(x86.isHotpluggable(0)).isFalse();
        assertThat(x86.isHotpluggable(1)).isTrue();
        assertThat(x86.kernelParameters()).containsExactly("cpu_init_udelay");
    }

    @Test
    void bringupRunsOnlineThenIdleOnTheCpusOwnThreadThenPlaysDead() {
        TestingSecondaryStart start = bringUp(2);

        assertThat(scheduler.spawnedNames()).containsExactly("swapper/2");
        assertThat(start.calls()).containsExactly("online on swapper/2", "cpuStartupEntry on swapper/2");
        assertThat(x86.apic(2).state()).isEqualTo(ApState.HALTED);
        assertThat(x86.apic(2).haltReason()).isEqualTo(ApStartup.PLAY_DEAD);
    }

    @Test
    void reonlineNeedsAndGetsAFreshInitSipiSipi() {
        bringUp(2);
        TestingSecondaryStart second = bringUp(2);

        assertThat(scheduler.spawnedNames()).containsExactly("swapper/2", "swapper/2");
        assertThat(second.calls()).hasSize(2);
        assertThat(context.tracer().emitted("apic_init_reset")).last().asString().endsWith("was: HALTED");
    }

    @Test
    void wakeupWithModernInitUdelayCostsTwoTenMicrosecondWaitsPerSipi() {
        scheduler.control(() -> x86.bootSecondary(1, new TestingSecondaryStart(1, context.scheduler())));

        // 4 ICR writes of 1 µs, and 10 + 10 µs around each of the two SIPIs.
        assertThat(scheduler.spentBy("control", "delay")).isEqualTo(Duration.ofNanos(44_000));
        assertThat(context.tracer().emitted("apic_icr_write")).hasSize(4);
    }

    @Test
    void cpuInitUdelayOnTheCommandLineRestoresTheLegacyDelays() {
        try (RecordingScheduler legacyScheduler = new RecordingScheduler()) {
            TestingArchContext legacy = new TestingArchContext(4, 1, "cpu_init_udelay=10000", legacyScheduler);
            legacyScheduler.control(() -> new X86Architecture(legacy, X86CostModel.free())
                    .bootSecondary(1, new TestingSecondaryStart(1, legacy.scheduler())));

            // 10 ms between INIT assert and de-assert, then 300 + 200 µs around each SIPI.
            assertThat(legacyScheduler.spentBy("control", "delay")).isEqualTo(Duration.ofNanos(11_000_000));
        }
    }

    @Test
    void apLowLevelInitCostsVirtualTimeOnTheApThread() {
        bringUp(1);

        assertThat(scheduler.spentBy("swapper/1", "sleep")).isEqualTo(Duration.ofNanos(6_420_000));
        assertThat(scheduler.spentBy("swapper/1", "delay")).isEqualTo(Duration.ofNanos(600_000));
    }

    @Test
    void bootMessagesListTheCpusOnOneLineAndReonlineAnnouncesEachCpuAs61Does() {
        scheduler.control(() -> x86.setupArch(new KernelVersion(6, 1)));
        scheduler.control(() -> x86.smpPrepareCpus());
        bringUp(1);
        bringUp(2);
        bringUp(3);
        scheduler.control(() -> x86.smpCpusDone(4));
        scheduler.control(() -> x86.cpuDie(1, true));
        bringUp(1);
        scheduler.control(() -> x86.cpuDie(2, true));
        bringUp(2);

        assertThat(context.messages()).containsExactly(
                "Command line: ",
                "smpboot: Allowing 4 CPUs, 0 hotplug CPUs",
                "smpboot: CPU0: hotplug-emu x86-64 CPU (family: 0x6, model: 0x55, stepping: 0x4)",
                "x86: Booting SMP configuration:",
                ".... node  #0, CPUs:      #1 #2 #3",
                "smpboot: Max logical packages: 1",
                "smpboot: Total of 4 processors activated (20768.84 BogoMIPS)",
                "smpboot: CPU 1 is now offline",
                "x86: Booting SMP configuration:",
                "smpboot: Booting Node 0 Processor 1 APIC 0x1",
                "smpboot: CPU 2 is now offline",
                "smpboot: Booting Node 0 Processor 2 APIC 0x2");
    }

    @Test
    void bootMessagesOf612HaveTheTopologySummaryAndOneConfigurationHeader() {
        scheduler.control(() -> x86.setupArch(new KernelVersion(6, 12)));
        scheduler.control(() -> x86.smpPrepareCpus());
        bringUp(1);
        bringUp(2);
        bringUp(3);
        scheduler.control(() -> x86.smpCpusDone(4));
        scheduler.control(() -> x86.cpuDie(1, true));
        bringUp(1);

        // reference/linux-6.12-x86_64/dmesg-smp.txt, less what the emulator does not model.
        assertThat(context.messages()).containsExactly(
                "Command line: ",
                "CPU topo: Max. logical packages:   1",
                "CPU topo: Max. logical dies:       1",
                "CPU topo: Max. dies per package:   1",
                "CPU topo: Max. threads per core:   1",
                "CPU topo: Num. cores per package:     4",
                "CPU topo: Num. threads per package:   4",
                "CPU topo: Allowing 4 present CPUs plus 0 hotplug CPUs",
                "smpboot: CPU0: hotplug-emu x86-64 CPU (family: 0x6, model: 0x55, stepping: 0x4)",
                "smpboot: x86: Booting SMP configuration:",
                ".... node  #0, CPUs:      #1 #2 #3",
                "smpboot: Total of 4 processors activated (20768.84 BogoMIPS)",
                "smpboot: CPU 1 is now offline",
                "smpboot: Booting Node 0 Processor 1 APIC 0x1");
    }

    @Test
    void cpuThatNeverReportedDeadIsLoggedAs61Does() {
        scheduler.control(() -> x86.setupArch(new KernelVersion(6, 1)));
        scheduler.control(() -> x86.smpCpusDone(4));
        scheduler.control(() -> x86.cpuDie(3, false));

        assertThat(context.messages()).last().isEqualTo("smpboot: CPU 3 didn't die...");
    }

    @Test
    void cpuThatNeverReportedDeadIsLeftToTheCoresMessageFrom65() {
        scheduler.control(() -> x86.setupArch(new KernelVersion(6, 12)));
        scheduler.control(() -> x86.smpCpusDone(4));
        int before = context.messages().size();
        scheduler.control(() -> x86.cpuDie(3, false));

        assertThat(context.messages()).hasSize(before);
    }

    @Test
    void cpuOutsideTheMachineCannotBeWoken() {
        // The boot CPU can be woken once it is offline (see X86BootCpuHotplugTest); CPU 4 does not exist.
        assertThatThrownBy(() -> scheduler.control(() -> x86.bootSecondary(4, new TestingSecondaryStart(4, context.scheduler()))))
                .isInstanceOf(HotplugException.class)
                .satisfies(e -> assertThat(((HotplugException) e).errno()).isEqualTo(Errno.EINVAL));
    }

    @Test
    void lapicDebugFileShowsEachCpusState() {
        bringUp(1);

        assertThat(context.file("/sys/kernel/debug/x86/lapic").read()).isEqualTo(
                "cpu 0 apicid 0x0 running\n"
                        + "cpu 1 apicid 0x1 halted start 0x9a000 in mwait_play_dead\n"
                        + "cpu 2 apicid 0x2 wait_for_sipi\n"
                        + "cpu 3 apicid 0x3 wait_for_sipi\n");
    }
}
