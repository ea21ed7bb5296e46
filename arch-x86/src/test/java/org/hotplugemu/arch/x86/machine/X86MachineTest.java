package org.hotplugemu.arch.x86.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.profile.Profiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The x86 backend in a whole emulated machine: boot, sysfs hotplug, dmesg and each fault. */
class X86MachineTest {
    private static final String CPU = "/sys/devices/system/cpu";
    private static final String DEBUG = "/sys/kernel/debug/x86/";

    private Machine machine;

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    /** Boots with the 6.1 profile: these tests pin 6.1's serial bring-up and messages. */
    private Machine boot(MachineBuilder builder) {
        machine = builder.architecture(new X86ArchitectureProvider()).profile(Profiles.builtIn("linux-6.1-x86_64")).build();
        machine.boot();
        return machine;
    }

    private Machine boot4() {
        return boot(new MachineBuilder().cpus(4));
    }

    /** Returns the dmesg lines without their timestamps. */
    private List<String> messages() {
        return machine.dmesg().stream().map(line -> line.substring(line.indexOf("] ") + 2)).toList();
    }

    private static Errno errnoOf(Throwable e) {
        return ((HotplugException) e).errno();
    }

    private String online(int cpu) {
        return machine.read(CPU + "/cpu" + cpu + "/online").strip();
    }

    @Test
    void bootsFourCpusWithTheKernelsSmpMessagesAndTimestamps() {
        boot4();

        assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
        assertThat(machine.dmesg()).allMatch(line -> line.matches("\\[ {0,4}\\d{1,5}\\.\\d{6}\\] .*"));
        assertThat(messages()).containsSubsequence(
                "smpboot: Allowing 4 CPUs, 0 hotplug CPUs",
                "smp: Bringing up secondary CPUs ...",
                "x86: Booting SMP configuration:",
                ".... node  #0, CPUs:      #1 #2 #3",
                "smp: Brought up 1 node, 4 CPUs",
                "smpboot: Max logical packages: 1",
                "smpboot: Total of 4 processors activated (20768.84 BogoMIPS)");
        assertThat(machine.exists(CPU + "/cpu0/online")).isFalse();
    }

    @Test
    void offlineAndOnlineThroughSysfsLogLikeTheReferenceKernel() {
        boot4();
        int bootLines = machine.dmesg().size();

        machine.write(CPU + "/cpu1/online", "0\n");
        assertThat(online(1)).isEqualTo("0");
        machine.write(CPU + "/cpu1/online", "1\n");
        machine.write(CPU + "/cpu2/online", "0\n");
        machine.write(CPU + "/cpu2/online", "1\n");

        assertThat(online(1)).isEqualTo("1");
        assertThat(messages().subList(bootLines, messages().size())).containsExactly(
                "smpboot: CPU 1 is now offline",
                "x86: Booting SMP configuration:",
                "smpboot: Booting Node 0 Processor 1 APIC 0x1",
                "smpboot: CPU 2 is now offline",
                "smpboot: Booting Node 0 Processor 2 APIC 0x2");
        assertThat(machine.read(DEBUG + "lapic")).contains("cpu 1 apicid 0x1 running", "cpu 3 apicid 0x3 running");
    }

    @Test
    void offlineCpuIsParkedInPlayDeadStillPowered() {
        boot4();

        machine.write(CPU + "/cpu3/online", "0\n");
        machine.sleep(Duration.ofMillis(1));

        assertThat(machine.read(DEBUG + "lapic")).contains("cpu 3 apicid 0x3 halted start 0x9a000 in mwait_play_dead");
    }

    @Test
    void lostSipiFailsTheBringupWithEioAndLeavesTheCpuOfflineWithConsistentMasks() {
        boot4();
        machine.write(CPU + "/cpu2/online", "0\n");
        machine.write(DEBUG + "fail_sipi_lost", "2\n");

        assertThatThrownBy(() -> machine.write(CPU + "/cpu2/online", "1\n")).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.EIO));

        assertThat(online(2)).isEqualTo("0");
        assertThat(machine.read(CPU + "/online")).isEqualTo("0-1,3\n");
        assertThat(machine.read(CPU + "/cpu2/hotplug/state")).isEqualTo("0\n");
        assertThat(machine.read(DEBUG + "lapic")).contains("cpu 2 apicid 0x2 wait_for_sipi");
        assertThat(machine.read(DEBUG + "fail_sipi_lost")).isEqualTo("-1\n");

        machine.write(CPU + "/cpu2/online", "1\n");
        assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
    }

    @Test
    void cpuThatNeverReportsAliveFailsWithEioAfterTenVirtualSeconds() {
        // Flat callback costs, so the only time spent is the ten seconds of waiting.
        boot(new MachineBuilder().cpus(4).commandLine("emu.callback_cost_ns=1000"));
        machine.write(CPU + "/cpu1/online", "0\n");
        machine.write(DEBUG + "fail_never_alive", "1\n");
        long before = machine.nanoTime();

        assertThatThrownBy(() -> machine.write(CPU + "/cpu1/online", "1\n")).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.EIO));

        long elapsed = machine.nanoTime() - before;
        // The core waits exactly 10 s after the wakeup; the kick and the CPU's cleanup add well under 10 ms.
        assertThat(elapsed).isBetween(Duration.ofSeconds(10).toNanos(), Duration.ofSeconds(10).plusMillis(10).toNanos());
        assertThat(messages()).contains("CPU1 failed to report alive state");
        assertThat(online(1)).isEqualTo("0");
        assertThat(machine.read(CPU + "/online")).isEqualTo("0,2-3\n");

        machine.write(CPU + "/cpu1/online", "1\n");
        assertThat(online(1)).isEqualTo("1");
    }

    @Test
    void esrDeliveryErrorFailsTheBringupAtOnce() {
        boot4();
        machine.write(CPU + "/cpu3/online", "0\n");
        machine.write(DEBUG + "fail_esr_error", "3\n");
        long before = machine.nanoTime();

        assertThatThrownBy(() -> machine.write(CPU + "/cpu3/online", "1\n")).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.EIO));

        assertThat(machine.nanoTime() - before).isLessThan(Duration.ofSeconds(1).toNanos());
        assertThat(messages()).containsSubsequence("smpboot: APIC delivery error (4)", "smpboot: do_boot_cpu failed(4) to wakeup CPU#3");
        assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
    }

    @Test
    void vectorExhaustionFailsOfflineWithEnospcAndTheCpuStaysOnline() {
        boot4();
        String onlineState = machine.read(CPU + "/cpu2/hotplug/state");
        machine.write(DEBUG + "fail_vector_exhaustion", "2\n");

        assertThatThrownBy(() -> machine.write(CPU + "/cpu2/online", "0\n")).satisfies(e -> assertThat(errnoOf(e)).isEqualTo(Errno.ENOSPC));

        assertThat(online(2)).isEqualTo("1");
        assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
        assertThat(machine.read(CPU + "/cpu2/hotplug/state")).isEqualTo(onlineState);
        assertThat(messages()).contains("CPU 2 has 111 vectors, 90 available. Cannot disable CPU");
    }

    @Test
    void nosmtBootsEachSiblingOnceThenTakesItBackOffline() {
        boot(new MachineBuilder().cpus(4).threadsPerCore(2).commandLine("nosmt"));

        assertThat(machine.read(CPU + "/online")).isEqualTo("0,2\n");
        assertThat(messages()).contains(".... node  #0, CPUs:      #1 #2 #3", "smp: Brought up 1 node, 2 CPUs");
        assertThat(messages()).noneMatch(line -> line.endsWith("is now offline"));
        assertThat(machine.read(DEBUG + "lapic")).contains(
                "cpu 1 apicid 0x1 halted start 0x9a000 in mwait_play_dead", "cpu 3 apicid 0x3 halted start 0x9a000 in mwait_play_dead");
    }

    @Test
    void bootsAndHotplugsOnTheThreadsEngine() {
        boot(new MachineBuilder().cpus(4).engine("threads"));

        machine.write(CPU + "/cpu3/online", "0\n");
        machine.write(CPU + "/cpu3/online", "1\n");

        assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
        assertThat(messages()).containsSubsequence("smpboot: CPU 3 is now offline", "smpboot: Booting Node 0 Processor 3 APIC 0x3");
    }

    @Test
    void apicTracepointsShowEachIcrWriteAndTheAcceptedSipi() {
        boot(new MachineBuilder().cpus(2).commandLine("trace_event=x86_apic:*"));

        String trace = machine.read("/sys/kernel/tracing/trace");

        assertThat(trace).contains("apic_icr_write: dest: 0x1 icr: 0x10000000000c500 mode: INIT",
                "apic_icr_write: dest: 0x1 icr: 0x100000000008500 mode: INIT",
                "apic_icr_write: dest: 0x1 icr: 0x10000000000069a mode: STARTUP",
                "apic_sipi_accepted: cpu: 1 apicid: 0x1 start: 0x9a000",
                "apic_ipi_ignored: apicid: 0x1 mode: STARTUP reason: not in wait-for-SIPI (RUNNING)");
    }

    @Test
    void topologyFilesShowTheSmtSiblingsOfEachCore() {
        boot(new MachineBuilder().cpus(4).threadsPerCore(2));

        assertThat(machine.read(CPU + "/cpu3/topology/core_id")).isEqualTo("1\n");
        assertThat(machine.read(CPU + "/cpu3/topology/thread_siblings_list")).isEqualTo("2-3\n");
        assertThat(machine.read(CPU + "/cpu3/topology/physical_package_id")).isEqualTo("0\n");
        assertThat(machine.read(CPU + "/smt/control")).isEqualTo("on\n");
    }
}
