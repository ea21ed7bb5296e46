package org.hotplugemu.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotplugemu.core.testing.TestingMachines.CPU;
import static org.hotplugemu.core.testing.TestingMachines.assertWriteFails;
import static org.hotplugemu.core.testing.TestingMachines.state;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.profile.Profiles;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.hotplugemu.core.testing.TestingDriver;
import org.hotplugemu.core.testing.TestingMachines;
import org.junit.jupiter.api.Test;

/** Spec sections 6, 9 and 10: parallel bringup and alive/dead synchronisation, smpboot threads, suspend. */
class BringupSuspendAndThreadsSpecTest {
    private static Machine parallelMachine(int cpus, String commandLine) {
        Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider(true)).cpus(cpus)
                .profile(Profiles.builtIn("linux-6.12-x86_64")).commandLine(commandLine).build();
        machine.boot();
        return machine;
    }

    @Test
    void parallelBringupKicksEveryApBeforeOnliningAny() {
        try (Machine machine = parallelMachine(8, "trace_event=cpuhp:*")) {
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-7\n");
            List<String> steps = machine.tracing().formatText().lines()
                    .filter(line -> line.contains("(cpuhp_kick_ap_alive)") || line.contains("(cpuhp_bringup_ap)"))
                    .filter(line -> line.contains("cpuhp_enter")).map(line -> line.substring(line.indexOf('(')))
                    .toList();
            assertThat(steps.subList(0, 7)).as(steps.toString()).allMatch(step -> step.equals("(cpuhp_kick_ap_alive)"));
            assertThat(steps.subList(7, 14)).allMatch(step -> step.equals("(cpuhp_bringup_ap)"));
            assertThat(machine.read(CPU + "/hotplug/states")).contains(" 85: cpu:kick_ap\n 86: cpu:bringup\n");
        }
    }

    @Test
    void parallelBringupIsFasterInVirtualTimeThanSerial() {
        long parallel;
        long serial;
        // Flat callback costs: this compares the bring-up protocols, not the TCG-calibrated costs.
        try (Machine machine = parallelMachine(16, "emu.callback_cost_ns=1000")) {
            parallel = machine.nanoTime();
        }
        try (Machine machine = parallelMachine(16, "cpuhp.parallel=0 emu.callback_cost_ns=1000")) {
            serial = machine.nanoTime();
        }
        assertThat(parallel).isLessThan(serial);
    }

    @Test
    void apThatNeverReportsAliveFailsWithEioAfterTenVirtualSecondsAndIsCleanedToOffline() {
        TestingArchitectureProvider provider = new TestingArchitectureProvider();
        // A flat callback cost, so the only time spent is the ten seconds of waiting.
        try (Machine machine = new MachineBuilder().architecture(provider).cpus(3).commandLine("emu.callback_cost_ns=1000").build()) {
            machine.boot();
            machine.write(CPU + "/cpu2/online", "0\n");
            provider.last().neverAlive.add(2);
            long before = machine.nanoTime();
            assertWriteFails(machine, CPU + "/cpu2/online", "1\n", Errno.EIO);
            assertThat(machine.nanoTime() - before).isBetween(10_000_000_000L, 10_001_000_000L);
            assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("CPU2 failed to report alive state"));
            assertThat(state(machine, 2)).isZero();
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
            provider.last().neverAlive.clear();
            machine.write(CPU + "/cpu2/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
        }
    }

    @Test
    void cpuRefusingToDieKeepsItOnlineAndConsistent() {
        TestingArchitectureProvider provider = new TestingArchitectureProvider();
        try (Machine machine = new MachineBuilder().architecture(provider).cpus(2).build()) {
            machine.boot();
            provider.last().refuseDisable.add(1);
            assertWriteFails(machine, CPU + "/cpu1/online", "0\n", Errno.EBUSY);
            assertThat(state(machine, 1)).isEqualTo(236);
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
            assertThat(machine.read(CPU + "/cpu1/online")).isEqualTo("1\n");
            provider.last().refuseDisable.clear();
            machine.write(CPU + "/cpu1/online", "0\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0\n");
        }
    }

    @Test
    void smpbootThreadsAreParkedGoingDownAndUnparkedGoingUp() {
        List<String> events = new ArrayList<>();
        TestingDriver driver = TestingDriver.of("kthreads", context -> context.hotplug().registerSmpbootThread(new SmpbootThread(
                "ktest/%u", cpu -> false, cpu -> {}, cpu -> events.add("park " + cpu), cpu -> events.add("unpark " + cpu))));
        try (Machine machine = TestingMachines.booted(2, driver)) {
            // ktest/0 was unparked at registration; its unpark hook runs when it is next scheduled.
            machine.sleep(java.time.Duration.ofMillis(1));
            assertThat(events).containsExactly("unpark 0", "unpark 1");
            events.clear();
            machine.write(CPU + "/cpu1/online", "0\n");
            machine.write(CPU + "/cpu1/online", "1\n");
            assertThat(events).containsExactly("park 1", "unpark 1");
        }
    }

    @Test
    void freezeTakesSecondariesOfflineAndDisablesHotplugUntilThaw() {
        try (Machine machine = TestingMachines.booted(4)) {
            machine.control().freezeSecondaryCpus(0);
            assertThat(machine.read(CPU + "/online")).isEqualTo("0\n");
            // The device's online file still says 1 (freeze does not touch it), so ask cpu_up directly.
            assertThatThrownBy(() -> machine.control().cpuUp(1, 236)).hasFieldOrPropertyWithValue("errno", Errno.EBUSY);
            machine.control().thawSecondaryCpus();
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
            assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("CPU3 is up"));
        }
    }

    @Test
    void pendingWakeupAbortsFreezeWithEbusy() {
        try (Machine machine = TestingMachines.booted(3)) {
            machine.write("/sys/kernel/debug/hotplug-emu/pm_wakeup_pending", "1\n");
            assertThatThrownBy(() -> machine.control().freezeSecondaryCpus(0))
                    .isInstanceOf(HotplugException.class).hasFieldOrPropertyWithValue("errno", Errno.EBUSY);
            machine.control().thawSecondaryCpus();
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
        }
    }

    @Test
    void maxcpusLimitsBootBringup() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).commandLine("maxcpus=2").build()) {
            machine.boot();
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
            machine.write(CPU + "/cpu3/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1,3\n");
        }
    }

    @Test
    void unknownKernelParametersAreReportedLikeTheKernel() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(2).commandLine("quiet foo=1").build()) {
            machine.boot();
            assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("Unknown kernel command line parameters \"quiet foo=1\", will be passed to user space."));
        }
    }

    @Test
    void parallelBootCleansAFailedApBackToOfflineAndBringsUpTheOthers() {
        TestingArchitectureProvider provider = new TestingArchitectureProvider(true).configure(arch -> arch.neverAlive.add(2));
        try (Machine machine = new MachineBuilder().architecture(provider).cpus(4).profile(Profiles.builtIn("linux-6.12-x86_64")).build()) {
            machine.boot();
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1,3\n");
            assertThat(state(machine, 2)).isZero();
            assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("CPU2 failed to report alive state"));
            assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("smp: Brought up 1 node, 3 CPUs"));
        }
    }

    @Test
    void kickingAnApLeftInLimboFailsWithEagain() {
        TestingArchitectureProvider provider = new TestingArchitectureProvider(true);
        try (Machine machine = new MachineBuilder().architecture(provider).cpus(3).profile(Profiles.builtIn("linux-6.12-x86_64")).build()) {
            machine.boot();
            machine.write(CPU + "/cpu2/online", "0\n");
            provider.last().neverAlive.add(2);
            assertWriteFails(machine, CPU + "/cpu2/online", "1\n", Errno.EIO);
            // The AP never answered: its ap_sync_state is SHOULD_DIE, and cpuhp_kick_ap_alive refuses it.
            provider.last().neverAlive.clear();
            assertWriteFails(machine, CPU + "/cpu2/online", "1\n", Errno.EAGAIN);
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
        }
    }
}
