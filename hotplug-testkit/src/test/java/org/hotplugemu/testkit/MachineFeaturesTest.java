package org.hotplugemu.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.junit.jupiter.api.Test;

@EmulatedMachineTest(cpus = 4, seed = 3)
class MachineFeaturesTest {
    /** Keeps its scheduler, as a driver keeps its context, to call it from the test. */
    private static final class SchedulerHolder implements HotplugDriver {
        Scheduler scheduler;

        @Override
        public String name() {
            return "holder";
        }

        @Override
        public void register(DriverContext context) {
            scheduler = context.scheduler();
        }
    }

    @Test
    void execRunsCodeOnAnEmulatedThreadOfThatCpu(TestMachine machine) {
        SchedulerHolder holder = new SchedulerHolder();
        machine.load(holder);

        assertThat(machine.exec(3, () -> holder.scheduler.currentCpu())).isEqualTo(3);
        assertThat(machine.exec(1, () -> holder.scheduler.current().name())).isEqualTo("test/1");
        assertThatThrownBy(() -> holder.scheduler.current())
                .isInstanceOf(HotplugException.class).extracting(e -> ((HotplugException) e).errno()).isEqualTo(Errno.EPERM);
    }

    @Test
    void execPassesTheCodesExceptionOn(TestMachine machine) {
        assertThatThrownBy(() -> machine.exec(2, () -> {
            throw new HotplugException(Errno.EBUSY, "busy on purpose");
        })).hasMessageContaining("busy on purpose");
    }

    @Test
    void settleReturnsOnceEveryCpuRestsAtItsTarget(TestMachine machine) {
        machine.offline(3);

        machine.settle();

        assertThat(machine.state(3)).isZero();
        assertThat(machine.readLine(TestMachine.CPU + "/offline")).isEqualTo("3");
    }

    @Test
    void onlineAndOfflineAssertTheirErrno(TestMachine machine) {
        machine.write(TestMachine.CPU + "/cpu2/hotplug/fail", Integer.toString(machine.onlineState() - 1));

        assertThatThrownBy(() -> machine.offline(2)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("echo 0 > cpu2/online failed with EAGAIN");
        machine.write(TestMachine.CPU + "/cpu2/hotplug/fail", Integer.toString(machine.onlineState() - 1));
        assertThatThrownBy(() -> machine.assertOfflineFails(2, Errno.EBUSY)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed with EAGAIN instead of EBUSY");
        assertThatThrownBy(() -> machine.assertOfflineFails(2, Errno.EAGAIN)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("succeeded; expected EAGAIN");
        machine.online(2);
    }

    @Test
    @EmulatedMachineTest(cpus = 2, seed = 9, commandLine = "")
    void aMethodAnnotationOverridesTheClass(TestMachine machine) {
        assertThat(machine.spec()).isEqualTo(new MachineSpec("x86", 2, "", "sim", 9, ""));
        assertThat(machine.machine().cpus()).isEqualTo(2);
        assertThat(machine.machine().seed()).isEqualTo(9);
    }

    @MachineMatrix(engines = {"sim", "threads"}, seeds = {1, 2})
    void runsOncePerEngineAndSeed(TestMachine machine) {
        assertThat(machine.machine().engineName()).isEqualTo(machine.spec().engine());
        if (machine.spec().engine().equals("sim")) {
            assertThat(machine.machine().seed()).isEqualTo(machine.spec().seed());
        }
        machine.offline(1);
        machine.online(1);
    }
}
