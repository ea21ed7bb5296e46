package org.hotplugemu.core.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.engine.DeadlockException;
import org.hotplugemu.core.engine.HangException;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.hotplugemu.core.testing.TestingDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plugin that never returns fails the operation with a report instead of hanging the emulator,
 * on both engines. The soft-lockup cases use real wall time (a 1 s threshold): that is what the
 * watchdog measures.
 */
class MachineHangTest {
    private static final String CPU = "/sys/devices/system/cpu";

    private static Machine machine(String engine, HotplugDriver... drivers) {
        return new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).engine(engine)
                .commandLine("emu.softlockup_thresh_secs=1").drivers(List.of(drivers)).build();
    }

    private static void spinUntilInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void aDriverSpinningInRegisterFailsTheBootWithASoftLockupReport(String engine) {
        try (Machine machine = machine(engine, TestingDriver.of("slowpoke", context -> spinUntilInterrupted()))) {
            long start = System.nanoTime();
            assertThatThrownBy(machine::boot)
                    .isInstanceOfSatisfying(HangException.class, e -> {
                        assertThat(e.kind()).isEqualTo(HangException.Kind.SOFT_LOCKUP);
                        assertThat(e.errno()).isEqualTo(Errno.EBUSY);
                    })
                    .hasMessageStartingWith("watchdog: BUG: soft lockup - CPU#0 stuck for 1s! [swapper/0:")
                    .hasMessageContaining("without reaching an engine primitive, in register() of driver slowpoke")
                    .hasMessageContaining("at org.hotplugemu.core.machine.MachineHangTest.spinUntilInterrupted")
                    .hasMessageContaining("\nCPU hotplug states after the hang (cpuhp state/target):\n  CPU 0: ")
                    .hasMessageContaining("\n  CPUs 1-3: 0/0");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThatThrownBy(() -> machine.read(CPU + "/online"))
                    .isInstanceOf(HangException.class)
                    .hasMessageContaining("stopped by an earlier failure; create a new machine");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void aCallbackSleepingInPlainJavaFailsTheOfflineAndSaysWhereEachCpuWasLeft(String engine) {
        HotplugDriver sleepy = TestingDriver.of("sleepy", context -> {
            var api = context.hotplug();
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "sleepy:online", null,
                    Callback.of("sleepy_offline", cpu -> {
                        if (cpu == 2) {
                            try {
                                Thread.sleep(Duration.ofMinutes(10));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }));
        });
        try (Machine machine = machine(engine, sleepy)) {
            machine.boot();

            assertThatThrownBy(() -> machine.write(CPU + "/cpu2/online", "0"))
                    .isInstanceOfSatisfying(HangException.class, e -> assertThat(e.kind()).isEqualTo(HangException.Kind.SOFT_LOCKUP))
                    .hasMessageStartingWith("watchdog: BUG: soft lockup - CPU#2 stuck for 1s! [cpuhp/2:")
                    .hasMessageContaining(", in sleepy_offline ")
                    .hasMessageContaining("at java.base/java.lang.Thread.sleep(")
                    .hasMessageContaining(" cpuhp/2 (CPU 2) in sleepy_offline: runnable since ")
                    .hasMessageContaining("\n  CPUs 0-1,3: 236/236")
                    .hasMessageMatching("(?s).*\n  CPU 2: \\d+/\\d+ \\(not at its target\\)$");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void aDeadlockInACallbackNamesTheCallbackAndTheLockOwner(String engine) {
        HotplugDriver selfish = TestingDriver.of("selfish", context -> {
            var api = context.hotplug();
            var mutex = context.scheduler().newMutex("selfish_mutex");
            var never = context.scheduler().newCompletion("selfish_done");
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "selfish:online", null,
                    Callback.of("selfish_offline", cpu -> {
                        mutex.lock();
                        never.await();
                    }));
        });
        try (Machine machine = machine(engine, selfish)) {
            machine.boot();

            assertThatThrownBy(() -> machine.write(CPU + "/cpu3/online", "0"))
                    .isInstanceOf(DeadlockException.class)
                    .hasMessageStartingWith("deadlock: every emulated thread is blocked and no timer is pending at ")
                    .hasMessageMatching("(?s).*\n  pid \\d+ cpuhp/3 \\(CPU 3\\) in selfish_offline: completion selfish_done since .*")
                    .hasMessageContaining("\n  CPU 3: ");
        }
    }

    @org.junit.jupiter.api.Test
    void aDriverSpinningInNameFailsBuildingTheMachine() {
        HotplugDriver spinner = new HotplugDriver() {
            @Override
            public String name() {
                spinUntilInterrupted();
                return "spinner";
            }

            @Override
            public void register(org.hotplugemu.api.driver.DriverContext context) {
            }
        };

        assertThatThrownBy(() -> machine("sim", spinner))
                .isInstanceOfSatisfying(HangException.class, e -> assertThat(e.kind()).isEqualTo(HangException.Kind.SOFT_LOCKUP))
                .hasMessageStartingWith("watchdog: BUG: soft lockup - CPU#0 stuck for 1s! [modprobe]\n"
                        + "  modprobe did not return (a spin, Thread.sleep or a Java lock in plugin code?); its Java stack:")
                .hasMessageContaining("at org.hotplugemu.core.machine.MachineHangTest.spinUntilInterrupted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void aCallbackLoopingOnCondReschedIsALivelockUnderSimAndAHungTaskUnderThreads(String engine) {
        boolean[] never = new boolean[1];
        HotplugDriver polling = TestingDriver.of("polling", context -> {
            var api = context.hotplug();
            var scheduler = context.scheduler();
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "polling:online", null,
                    Callback.of("polling_offline", cpu -> {
                        while (cpu == 1 && !never[0]) {
                            scheduler.yield();
                        }
                    }));
        });
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).engine(engine)
                .commandLine("emu.livelock_switches=10000 emu.hung_task_timeout_secs=1").drivers(List.of(polling)).build()) {
            machine.boot();

            HangException.Kind expected = engine.equals("sim") ? HangException.Kind.LIVELOCK : HangException.Kind.HUNG_TASK;
            assertThatThrownBy(() -> machine.write(CPU + "/cpu1/online", "0"))
                    .isInstanceOfSatisfying(HangException.class, e -> assertThat(e.kind()).isEqualTo(expected))
                    .hasMessageStartingWith(engine.equals("sim") ? "livelock: 10000 switches at " : "INFO: task sh:")
                    .hasMessageMatching("(?s).*\n  pid \\d+ cpuhp/1 \\(CPU 1\\) in polling_offline: runnable since .*")
                    .hasMessageMatching("(?s).*\n  CPU 1: \\d+/\\d+ \\(not at its target\\)(\n.*)?");
        }
    }
}
