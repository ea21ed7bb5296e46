package org.hotplugemu.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotplugemu.core.testing.TestingMachines.CPU;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.testing.CallLog;
import org.hotplugemu.core.testing.TestingDriver;
import org.hotplugemu.core.testing.TestingMachines;
import org.junit.jupiter.api.Test;

/** Spec section 5: the registration API. */
class RegistrationSpecTest {
    private final CallLog log = new CallLog();
    private final CpuHotplug[] hotplug = new CpuHotplug[1];

    private Machine machine(int cpus) {
        return TestingMachines.booted(cpus, TestingDriver.of("grab", context -> hotplug[0] = context.hotplug()));
    }

    private static HotplugInstance instance(String name) {
        return () -> name;
    }

    private void load(Machine machine, java.util.function.Consumer<CpuHotplug> body) {
        machine.control().loadDriver(TestingDriver.of("test" + System.identityHashCode(body), context -> body.accept(context.hotplug())));
    }

    private static final java.util.concurrent.atomic.AtomicInteger PROBES = new java.util.concurrent.atomic.AtomicInteger();

    private static Errno errnoOf(Machine machine, java.util.function.Consumer<CpuHotplug> body) {
        try {
            machine.control().loadDriver(TestingDriver.of("probe" + PROBES.incrementAndGet(), context -> body.accept(context.hotplug())));
            return null;
        }
        catch (HotplugException e) {
            return e.errno();
        }
    }

    @Test
    void setupStateRejectsBadStatesAndNamesAndTakenStates() {
        try (Machine machine = machine(2)) {
            assertThat(errnoOf(machine, api -> api.setupState(0, "x", null, null))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(machine, api -> api.setupState(236, "x", null, null))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(machine, api -> api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), null, null, null))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(machine, api -> api.setupState(api.state("CPUHP_AP_SCHED_STARTING"), "taken", null, null))).isEqualTo(Errno.EBUSY);
            assertThat(errnoOf(machine, api -> api.state("CPUHP_NO_SUCH_STATE"))).isEqualTo(Errno.EINVAL);
        }
    }

    @Test
    void dynamicSetupReturnsLowestFreeSlotAndStaticReturnsZero() {
        try (Machine machine = machine(2)) {
            List<Integer> results = new ArrayList<>();
            load(machine, api -> {
                results.add(api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "a", null, null));
                results.add(api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "b", null, null));
                api.removeState(results.get(0));
                results.add(api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "c", null, null));
                results.add(api.setupState(api.state("CPUHP_AP_CPU_PM_STARTING"), "d", null, null));
                results.add(api.setupState(api.state("CPUHP_BP_PREPARE_DYN"), "e", null, null));
            });
            assertThat(results).containsExactly(201, 202, 201, 0, 70);
            assertThat(machine.read(CPU + "/hotplug/states")).contains("201: c\n202: b\n");
        }
    }

    @Test
    void fullDynamicRangeWarnsAndFailsWithEnospc() {
        try (Machine machine = machine(2)) {
            load(machine, api -> {
                for (int slot = 0; slot < 31; slot++) {
                    api.setupStateNoCalls(api.state("CPUHP_AP_ONLINE_DYN"), "slot" + slot, null, null);
                }
            });
            assertThat(errnoOf(machine, api -> api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "one-too-many", null, null))).isEqualTo(Errno.ENOSPC);
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("No more dynamic states available for CPU hotplug"));
        }
    }

    @Test
    void setupInvokesStartupOnPresentCpusAtOrAboveTheStateInAscendingOrder() {
        try (Machine machine = machine(4)) {
            machine.control().cpuDown(2, 0);
            load(machine, api -> api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "t", log.failing("up", 99, Errno.EIO), null));
            assertThat(log.calls()).containsExactly("up cpu=0", "up cpu=1", "up cpu=3");
        }
    }

    @Test
    void failureOnCpuNTearsDownOnLowerCpusAndClearsTheStep() {
        try (Machine machine = machine(4)) {
            assertThat(errnoOf(machine, api -> api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "t",
                    log.failing("up", 2, Errno.ENOMEM), log.failing("down", 99, Errno.EIO)))).isEqualTo(Errno.ENOMEM);
            assertThat(log.calls()).containsExactly("up cpu=0", "up cpu=1", "up cpu=2", "down cpu=0", "down cpu=1");
            assertThat(machine.read(CPU + "/hotplug/states")).doesNotContain(": t\n");
        }
    }

    @Test
    void failInjectionAppliesToSetupStateInvocations() {
        try (Machine machine = machine(2)) {
            int[] slot = new int[1];
            load(machine, api -> slot[0] = api.setupMultiState(api.state("CPUHP_AP_ONLINE_DYN"), "multi", log.multi("up", ""), log.multi("down", "")));
            // The fail file accepts a state only once it has callbacks, so arm it after the setup.
            machine.write(CPU + "/cpu1/hotplug/fail", slot[0] + "\n");
            assertThat(errnoOf(machine, api -> api.addInstance(slot[0], instance("node")))).isEqualTo(Errno.EAGAIN);
            assertThat(log.calls()).containsExactly("up cpu=0 instance=node", "down cpu=0 instance=node");
            assertThat(machine.read(CPU + "/cpu1/hotplug/fail")).isEqualTo("-1\n");
        }
    }

    @Test
    void removeStateRunsTeardownsOnCpusAtOrAboveAndRemovingMultiWithInstancesWarnsWithoutCalls() {
        try (Machine machine = machine(3)) {
            int[] slot = new int[2];
            HotplugInstance pmu = instance("pmu0");
            CpuHotplug[] owner = new CpuHotplug[1];
            load(machine, api -> {
                owner[0] = api;
                slot[0] = api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "single", null, log.failing("single_down", 99, Errno.EIO));
                slot[1] = api.setupMultiState(api.state("CPUHP_AP_ONLINE_DYN"), "multi", log.multi("m_up", ""), log.multi("m_down", ""));
                api.addInstance(slot[1], pmu);
            });
            machine.control().cpuDown(1, 0);
            log.clear();
            // Removed later through the owning driver's API: only the driver that set a state up may remove it.
            load(machine, api -> {
                owner[0].removeState(slot[0]);
                owner[0].removeState(slot[1]);
            });
            assertThat(log.calls()).containsExactly("single_down cpu=0", "single_down cpu=2");
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("Error: Removing state " + slot[1] + " which has instances left."));
        }
    }

    @Test
    void instancesRunNewestFirstAndAFailingAddIsRolledBackAndNotLinked() {
        try (Machine machine = machine(3)) {
            int[] slot = new int[1];
            load(machine, api -> {
                slot[0] = api.setupMultiState(api.state("CPUHP_AP_ONLINE_DYN"), "multi", log.multi("up", "bad"), log.multi("down", ""));
                api.addInstance(slot[0], instance("old"));
                api.addInstance(slot[0], instance("new"));
            });
            assertThat(errnoOf(machine, api -> api.addInstance(slot[0], instance("bad")))).isEqualTo(Errno.EAGAIN);
            assertThat(errnoOf(machine, api -> api.addInstance(api.state("CPUHP_AP_SCHED_STARTING"), instance("x")))).isEqualTo(Errno.EINVAL);
            log.clear();
            machine.control().cpuDown(1, 0);
            assertThat(log.calls()).containsExactly("down cpu=1 instance=new", "down cpu=1 instance=old");
        }
    }

    @Test
    void failingInstanceOnApUndoesOnlyTheInstancesBeforeIt() {
        try (Machine machine = machine(2)) {
            int[] slot = new int[1];
            load(machine, api -> {
                slot[0] = api.setupMultiState(api.state("CPUHP_AP_ONLINE_DYN"), "multi", log.multi("up", "bad"), log.multi("down", ""));
                api.addInstanceNoCalls(slot[0], instance("first"));
                api.addInstanceNoCalls(slot[0], instance("bad"));
                api.addInstanceNoCalls(slot[0], instance("last"));
            });
            machine.control().cpuDown(1, 0);
            log.clear();
            assertThatThrownBy(() -> machine.control().cpuUp(1, 236)).isInstanceOf(HotplugException.class);
            assertThat(log.matching(call -> call.contains("cpu=1") && call.contains("state") == false).subList(0, 3))
                    .containsExactly("up cpu=1 instance=last", "up cpu=1 instance=bad", "down cpu=1 instance=last");
        }
    }

    @Test
    void removeInstanceRunsTeardownsAndUnlinks() {
        try (Machine machine = machine(2)) {
            int[] slot = new int[1];
            HotplugInstance node = instance("node");
            load(machine, api -> {
                slot[0] = api.setupMultiState(api.state("CPUHP_AP_ONLINE_DYN"), "multi", log.multi("up", ""), log.multi("down", ""));
                api.addInstance(slot[0], node);
                api.removeInstance(slot[0], node);
            });
            assertThat(log.calls()).containsExactly("up cpu=0 instance=node", "up cpu=1 instance=node", "down cpu=0 instance=node", "down cpu=1 instance=node");
            log.clear();
            machine.control().cpuDown(1, 0);
            assertThat(log.calls()).isEmpty();
        }
    }

    @Test
    void registrationOrHotplugFromInsideACallbackFailsWithEdeadlkInsteadOfHanging() {
        try (Machine machine = machine(2)) {
            List<Errno> seen = new ArrayList<>();
            load(machine, api -> api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "nested", Callback.of("nested_up", cpu -> {
                try {
                    api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "inner", null, null);
                }
                catch (HotplugException e) {
                    seen.add(e.errno());
                }
                try {
                    api.cpusReadLock();
                }
                catch (HotplugException e) {
                    seen.add(e.errno());
                }
            }), null));
            assertThat(seen).containsExactly(Errno.EDEADLK, Errno.EDEADLK, Errno.EDEADLK, Errno.EDEADLK);
        }
    }

    @Test
    void cpusLockedVariantsNeedTheCallerToHoldTheHotplugReadLock() {
        try (Machine machine = machine(2)) {
            assertThat(errnoOf(machine, api -> api.setupStateCpusLocked(api.state("CPUHP_AP_ONLINE_DYN"), "unlocked", null, null)))
                    .isEqualTo(Errno.EINVAL);
            List<Integer> slot = new ArrayList<>();
            load(machine, api -> {
                api.cpusReadLock();
                try {
                    slot.add(api.setupStateCpusLocked(api.state("CPUHP_AP_ONLINE_DYN"), "locked", log.failing("locked_up", 99, Errno.EIO), null));
                }
                finally {
                    api.cpusReadUnlock();
                }
            });
            assertThat(slot).containsExactly(201);
            assertThat(log.calls()).containsExactly("locked_up cpu=0", "locked_up cpu=1");
        }
    }
}
