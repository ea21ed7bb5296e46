package org.hotplugemu.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotplugemu.core.testing.TestingMachines.CPU;
import static org.hotplugemu.core.testing.TestingMachines.assertWriteFails;
import static org.hotplugemu.core.testing.TestingMachines.state;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.testing.CallLog;
import org.hotplugemu.core.testing.TestingDriver;
import org.hotplugemu.core.testing.TestingMachines;
import org.junit.jupiter.api.Test;

/** Spec sections 3 and 4: walking the machine, failure injection and rollback. */
class WalkAndRollbackSpecTest {
    private final CallLog log = new CallLog();
    private final CpuHotplug[] hotplug = new CpuHotplug[1];
    private final int[] slots = new int[2];

    /** A PREPARE dynamic state, a STARTING state and an ONLINE dynamic state, all recording. */
    private TestingDriver recorder() {
        return TestingDriver.of("recorder", context -> {
            CpuHotplug api = context.hotplug();
            hotplug[0] = api;
            slots[0] = api.setupState(api.state("CPUHP_BP_PREPARE_DYN"), "test:prepare",
                    log.recording("prep_up", hotplug), log.recording("prep_down", hotplug));
            api.setupState(api.state("CPUHP_AP_CPU_PM_STARTING"), "test:starting",
                    log.recording("starting_up", hotplug), log.recording("starting_down", hotplug));
            slots[1] = api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "test:online",
                    log.recording("online_up", hotplug), log.recording("online_down", hotplug));
        });
    }

    @Test
    void teardownOfStepRunsWithStateOneBelowIt() {
        try (Machine machine = TestingMachines.booted(2, recorder())) {
            log.clear();
            machine.write(CPU + "/cpu1/online", "0\n");
            assertThat(log.calls()).containsExactly(
                    "online_down cpu=1 state=" + (slots[1] - 1),
                    "starting_down cpu=1 state=95",
                    "prep_down cpu=1 state=" + (slots[0] - 1));
        }
    }

    @Test
    void upRunsPrepareOnControlThenStartingThenOnlineWithStateEqualToStep() {
        try (Machine machine = TestingMachines.booted(2, recorder())) {
            machine.write(CPU + "/cpu1/online", "0\n");
            log.clear();
            machine.write(CPU + "/cpu1/online", "1\n");
            assertThat(log.calls()).containsExactly(
                    "prep_up cpu=1 state=" + slots[0],
                    "starting_up cpu=1 state=96",
                    "online_up cpu=1 state=" + slots[1]);
        }
    }

    @Test
    void stepsWithoutCallbackInWalkedDirectionAreSkippedWithoutTrace() {
        try (Machine machine = TestingMachines.booted(2, TestingDriver.of("up-only", context -> {
            hotplug[0] = context.hotplug();
            context.hotplug().setupState(context.hotplug().state("CPUHP_AP_ONLINE_DYN"), "test:up-only", log.recording("only_up", hotplug), null);
        }))) {
            machine.write("/sys/kernel/tracing/events/cpuhp/enable", "1\n");
            machine.write(CPU + "/cpu1/online", "0\n");
            assertThat(machine.tracing().formatText()).doesNotContain("step: 201");
        }
    }

    @Test
    void failArmedOnStepFailsOnceWithEagainWithoutTracingTheCallbackAndDisarms() {
        try (Machine machine = TestingMachines.booted(2, recorder())) {
            machine.write(CPU + "/cpu1/online", "0\n");
            machine.write(CPU + "/cpu1/hotplug/fail", slots[1] + "\n");
            machine.write("/sys/kernel/tracing/events/cpuhp/enable", "1\n");
            log.clear();
            assertWriteFails(machine, CPU + "/cpu1/online", "1\n", Errno.EAGAIN);
            assertThat(machine.read(CPU + "/cpu1/hotplug/fail")).isEqualTo("-1\n");
            assertThat(state(machine, 1)).isZero();
            assertThat(log.calls()).doesNotContain("online_up cpu=1 state=" + slots[1]);
            assertThat(log.calls()).contains("prep_up cpu=1 state=" + slots[0], "prep_down cpu=1 state=" + (slots[0] - 1));
            assertThat(machine.tracing().formatText()).doesNotContain("step: " + slots[1] + " (online_up)");
            machine.write(CPU + "/cpu1/online", "1\n");
            assertThat(state(machine, 1)).isEqualTo(236);
        }
    }

    @Test
    void onlineFailureDuringFullOnlineTakesCpuBackToOffline() {
        try (Machine machine = TestingMachines.booted(2, recorder())) {
            machine.write(CPU + "/cpu1/online", "0\n");
            machine.write(CPU + "/cpu1/hotplug/fail", slots[1] + "\n");
            log.clear();
            assertWriteFails(machine, CPU + "/cpu1/online", "1\n", Errno.EAGAIN);
            assertThat(log.calls()).containsExactly(
                    "prep_up cpu=1 state=" + slots[0],
                    "starting_up cpu=1 state=96",
                    "starting_down cpu=1 state=95",
                    "prep_down cpu=1 state=" + (slots[0] - 1));
            assertThat(machine.read(CPU + "/online")).isEqualTo("0\n");
            assertThat(machine.read(CPU + "/cpu1/online")).isEqualTo("0\n");
        }
    }

    @Test
    void failingOnlineTeardownRerunsStartupsBackUp() {
        try (Machine machine = TestingMachines.booted(2, TestingDriver.of("bad-down", context -> {
            CpuHotplug api = context.hotplug();
            hotplug[0] = api;
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "test:a", log.recording("a_up", hotplug), log.recording("a_down", hotplug));
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "test:b", log.recording("b_up", hotplug), log.failing("b_down", 1, Errno.EBUSY));
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "test:c", log.recording("c_up", hotplug), log.recording("c_down", hotplug));
        }))) {
            log.clear();
            assertWriteFails(machine, CPU + "/cpu1/online", "0\n", Errno.EBUSY);
            assertThat(log.calls()).containsExactly("c_down cpu=1 state=202", "b_down cpu=1", "c_up cpu=1 state=203");
            assertThat(state(machine, 1)).isEqualTo(236);
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
        }
    }

    @Test
    void failureDuringRollbackStopsAtTheIntermediateState() {
        boolean[] failStartup = new boolean[1];
        try (Machine machine = TestingMachines.booted(2, TestingDriver.of("double-fault", context -> {
            CpuHotplug api = context.hotplug();
            hotplug[0] = api;
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "test:a", log.recording("a_up", hotplug), log.recording("a_down", hotplug));
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "test:b", log.recording("b_up", hotplug), log.recording("b_down", hotplug));
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "test:c", Callback.of("c_up", cpu -> {
                if (failStartup[0]) {
                    throw new org.hotplugemu.api.kernel.HotplugException(Errno.EIO, "c_up fails");
                }
            }), log.recording("c_down", hotplug));
        }))) {
            failStartup[0] = true;
            machine.write(CPU + "/cpu1/hotplug/fail", "202\n");
            assertWriteFails(machine, CPU + "/cpu1/online", "0\n", Errno.EAGAIN);
            // b's teardown failed, the rollback re-ran c's startup, which failed too: no retry, the CPU stays there.
            assertThat(state(machine, 1)).isEqualTo(203);
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("failed during rollback"));
        }
    }

    @Test
    void startingFailureIsLoggedAndIgnored() {
        try (Machine machine = TestingMachines.booted(2, TestingDriver.of("bad-starting", context -> {
            CpuHotplug api = context.hotplug();
            api.setupStateNoCalls(api.state("CPUHP_AP_CPU_PM_STARTING"), "test:starting", log.failing("bad_starting", 1, Errno.EIO), null);
        }))) {
            machine.write(CPU + "/cpu1/online", "0\n");
            machine.write(CPU + "/cpu1/online", "1\n");
            assertThat(state(machine, 1)).isEqualTo(236);
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("CPU 1 UP state test:starting (96) failed (-5)"));
        }
    }

    @Test
    void deadCallbackFailureRerunsStartupsAndWarnsWhenTheCpuCannotReachTeardown() {
        try (Machine machine = TestingMachines.booted(2, TestingDriver.of("bad-dead", context -> {
            CpuHotplug api = context.hotplug();
            api.setupState(api.state("CPUHP_BP_PREPARE_DYN"), "test:dead", null, log.failing("bad_dead", 1, Errno.EIO));
        }))) {
            assertWriteFails(machine, CPU + "/cpu1/online", "0\n", Errno.EIO);
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("DEAD callback error for CPU1"));
            // cpuhp_down_callbacks re-runs the startups up to TEARDOWN_CPU: bringup_cpu boots the CPU again and
            // stops at AP_ONLINE_IDLE, above TEARDOWN_CPU, so _cpu_down only warns, as in kernel/cpu.c.
            assertThat(state(machine, 1)).isEqualTo(154);
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
        }
    }

    @Test
    void targetAboveTeardownLeavesCpuOnlineAndKickIsTracedFromPreviousToFinalState() {
        try (Machine machine = TestingMachines.booted(2, recorder())) {
            machine.write("/sys/kernel/tracing/events/cpuhp/enable", "1\n");
            int target = slots[1] - 1;
            Machine m = machine;
            org.assertj.core.api.Assertions.assertThatCode(() -> m.control().cpuDown(1, target)).doesNotThrowAnyException();
            assertThat(state(machine, 1)).isEqualTo(target);
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
            String trace = machine.tracing().formatText();
            assertThat(trace).contains("cpuhp_enter: cpu: 0001 target: " + target + " step: 236 (cpuhp_kick_ap_work)");
            assertThat(trace).contains("cpuhp_exit:  cpu: 0001  state: " + target + " step: 236 ret: 0");
        }
    }

    @Test
    void activeMaskIsClearedAtFirstStepDownAndDyingIsSetWhileDown() {
        Callback[] probe = new Callback[1];
        boolean[] seen = new boolean[2];
        try (Machine machine = TestingMachines.booted(2, TestingDriver.of("probe", context -> {
            CpuHotplug api = context.hotplug();
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "test:probe", null, Callback.of("probe_down", cpu -> {
                seen[0] = api.activeMask().test(cpu);
                seen[1] = api.dyingMask().test(cpu);
            }));
        }))) {
            assertThat(probe[0]).isNull();
            machine.write(CPU + "/cpu1/online", "0\n");
            assertThat(seen[0]).as("active while tearing down ONLINE states").isFalse();
            assertThat(seen[1]).as("dying while tearing down").isTrue();
        }
    }

    @Test
    void cpuUpToCurrentStateDoesNothingAndLastOnlineCpuCannotGoDown() {
        try (Machine machine = TestingMachines.booted(2, recorder())) {
            log.clear();
            machine.control().cpuUp(1, 236);
            assertThat(log.calls()).isEmpty();
            machine.write(CPU + "/cpu1/online", "0\n");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> machine.control().cpuDown(0, 0))
                    .hasFieldOrPropertyWithValue("errno", Errno.EBUSY);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> machine.control().cpuUp(7, 236))
                    .hasFieldOrPropertyWithValue("errno", Errno.EINVAL);
        }
    }

    @Test
    void callbackThrowingAnythingButHotplugExceptionFailsWithEioIsLoggedAndRolledBack() {
        try (Machine machine = TestingMachines.booted(2, TestingDriver.of("buggy", context -> {
            CpuHotplug api = context.hotplug();
            hotplug[0] = api;
            api.setupStateNoCalls(api.state("CPUHP_AP_ONLINE_DYN"), "test:a", log.recording("a_up", hotplug), log.recording("a_down", hotplug));
            api.setupStateNoCalls(api.state("CPUHP_AP_ONLINE_DYN"), "test:buggy", Callback.of("buggy_up", cpu -> {
                throw new IllegalStateException("driver bug");
            }), null);
        }))) {
            machine.write(CPU + "/cpu1/online", "0\n");
            log.clear();
            assertWriteFails(machine, CPU + "/cpu1/online", "1\n", Errno.EIO);
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("callback buggy_up failed with java.lang.IllegalStateException: driver bug"));
            assertThat(log.calls()).containsExactly("a_up cpu=1 state=201", "a_down cpu=1 state=200");
            assertThat(state(machine, 1)).isZero();
        }
    }

    @Test
    void sleepingInAStartingCallbackIsReportedAsAKernelBugAndTheCpuStillComesUp() {
        try (Machine machine = TestingMachines.booted(2, TestingDriver.of("sleeper", context -> {
            CpuHotplug api = context.hotplug();
            api.setupStateNoCalls(api.state("CPUHP_AP_CPU_PM_STARTING"), "test:sleeper",
                    Callback.of("sleepy_starting", cpu -> context.scheduler().sleep(java.time.Duration.ofMillis(1))), null);
        }))) {
            machine.write(CPU + "/cpu1/online", "0\n");
            machine.write(CPU + "/cpu1/online", "1\n");
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("BUG: sleeping function called from invalid context"));
            assertThat(state(machine, 1)).isEqualTo(236);
        }
    }
}
