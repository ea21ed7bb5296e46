package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.hotplugemu.api.kernel.CpuSet;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.testkit.CallbackRecorder;
import org.hotplugemu.testkit.EmulatedMachineTest;
import org.hotplugemu.testkit.TestMachine;
import org.junit.jupiter.api.Test;

/**
 * The driver on a booted 4-CPU x86 machine of the testkit's deterministic engine. After each test
 * the testkit checks the machine's invariants, the driver's resource ledger included (a buffer
 * missing on a CPU at or above the state, or left on one below it, fails the test).
 */
@EmulatedMachineTest(arch = "x86", cpus = 4, seed = 42, drivers = BufferDriver.class)
class BufferDriverTest {
    @Test
    void everyCpuGetsItsBufferAtBootOnItsOwnHotplugThread(TestMachine machine, CallbackRecorder recorder) {
        assertThat(recorder.calls(BufferDriver.ONLINE)).extracting(CallbackRecorder.Call::cpu).containsExactlyInAnyOrder(0, 1, 2, 3);
        recorder.assertOnHotplugThreads(BufferDriver.ONLINE);
        assertThat(machine.readLine(BufferDriver.DEBUGFS)).isEqualTo("0-3");
        assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).contains(BufferDriver.STATE_NAME);
    }

    @Test
    void offlineFreesTheBufferAndOnlineSetsItUpAgainOnEveryHotpluggableCpu(TestMachine machine, CallbackRecorder recorder) {
        recorder.clear(); // forget the boot's calls
        for (int cpu : List.of(1, 2, 3)) {
            machine.offline(cpu);
            int down = cpu;
            assertThat(machine.readLine(BufferDriver.DEBUGFS)).isEqualTo(CpuSet.of(IntStream.range(0, 4).filter(c -> c != down)).toCpuList());
            machine.online(cpu);
            recorder.assertOrder(cpu, BufferDriver.OFFLINE, BufferDriver.ONLINE);
        }
        recorder.assertOnHotplugThreads(BufferDriver.OFFLINE);
        assertThat(machine.readLine(BufferDriver.DEBUGFS)).isEqualTo("0-3");
    }

    @Test
    void aFailingStartupRollsTheCpuBackDown(TestMachine machine, CallbackRecorder recorder) {
        machine.offline(3);
        recorder.failNext(BufferDriver.ONLINE, 3, Errno.ENOMEM);

        machine.assertOnlineFails(3, Errno.ENOMEM);

        assertThat(machine.readLine(TestMachine.CPU + "/online")).isEqualTo("0-2");
        assertThat(machine.readLine(BufferDriver.DEBUGFS)).isEqualTo("0-2");
        machine.online(3);
    }

    @Test
    void theProviderGivesEachMachineADriverOfItsOwn() {
        BufferDriverProvider provider = new BufferDriverProvider();

        assertThat(provider.create()).isInstanceOf(BufferDriver.class).isNotSameAs(provider.create());
        assertThat(provider.create().name()).isEqualTo(provider.name());
    }

    @Test
    void unloadingFreesEveryBuffer(TestMachine machine, CallbackRecorder recorder) {
        recorder.clear();
        machine.unload(BufferDriver.NAME);

        assertThat(recorder.calls(BufferDriver.OFFLINE)).extracting(CallbackRecorder.Call::cpu).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).doesNotContain(BufferDriver.STATE_NAME);
        assertThat(machine.invariantViolations()).isEmpty();
    }
}
