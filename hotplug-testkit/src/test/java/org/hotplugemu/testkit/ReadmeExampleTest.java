package org.hotplugemu.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotplugemu.api.kernel.Errno;
import org.junit.jupiter.api.Test;

// README "Testing a driver plugin" shows this class verbatim; ReadmeSyncTest keeps the two equal.
@EmulatedMachineTest(arch = "x86", cpus = 4, seed = 42, drivers = ExampleDriver.class)
class ReadmeExampleTest {
    @Test
    void offlineTearsDownOnTheHotplugThreadAndOnlineSetsUpAgain(TestMachine machine, CallbackRecorder recorder) {
        recorder.clear(); // forget the boot's calls

        machine.offline(2);
        machine.online(2);

        recorder.assertOrder(2, "example_offline_cpu", "example_dying_cpu", "example_starting_cpu", "example_online_cpu");
        recorder.assertOnHotplugThreads("example_offline_cpu");
        recorder.assertIrqsOff("example_dying_cpu");
        assertThat(recorder.calls()).extracting(CallbackRecorder.Call::cpu).containsOnly(2);
        // After the test the extension checks the invariants, example's resource ledger included.
    }

    @Test
    void anInjectedFailureRollsTheCpuBack(TestMachine machine, CallbackRecorder recorder) {
        int state = recorder.registrations().stream()
                .filter(r -> "example:online".equals(r.name())).findFirst().orElseThrow().state();
        machine.write("/sys/devices/system/cpu/cpu3/hotplug/fail", Integer.toString(state));

        machine.assertOfflineFails(3, Errno.EAGAIN);

        assertThat(machine.state(3)).isEqualTo(machine.onlineState());
        assertThat(recorder.calls("example_offline_cpu")).isEmpty();
    }
}
