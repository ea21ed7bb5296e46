package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.testkit.MachineSpec;
import org.hotplugemu.testkit.EmulatedMachineTest;
import org.hotplugemu.testkit.TestMachine;
import org.junit.jupiter.api.Test;

/**
 * Boots the plugin on the testkit's deterministic engine (found by name through its
 * {@code META-INF/services} entry, as the emulator finds it) and takes a CPU down and up. After
 * each test the testkit checks the machine's invariants and, on failure, writes dmesg, the trace
 * and the command that replays the machine under {@code target/hotplug-testkit/}.
 */
@EmulatedMachineTest(arch = MailboxArchitectureProvider.NAME, cpus = 4, seed = 1)
class MailboxArchitectureTest {
    @Test
    void bootsEveryCpu(TestMachine machine) {
        assertThat(machine.readLine(TestMachine.CPU + "/online")).isEqualTo("0-3");
        assertThat(machine.readLine(TestMachine.CPU + "/possible")).isEqualTo("0-3");
        assertThat(machine.machine().profile().name()).isEqualTo("linux-6.12-x86_64");
    }

    @Test
    void offlinesAndOnlinesACpu(TestMachine machine) {
        machine.offline(2);
        assertThat(machine.readLine(TestMachine.CPU + "/online")).isEqualTo("0-1,3");
        assertThat(machine.readLine(TestMachine.CPU + "/offline")).isEqualTo("2");

        machine.online(2);
        assertThat(machine.readLine(TestMachine.CPU + "/online")).isEqualTo("0-3");

        // cpuDie found CPU 2 powered off, after it reported dead: no complaint in the log.
        assertThat(machine.dmesg()).noneMatch(line -> line.contains("did not power off") || line.contains("without reporting dead")
                || line.contains("failed to report"));
    }

    @Test
    void theBootCpuHasNoOnlineFile(TestMachine machine) {
        assertThat(machine.machine().exists(TestMachine.CPU + "/cpu0/online")).isFalse();
        assertThat(machine.machine().exists(TestMachine.CPU + "/cpu1/online")).isTrue();
    }

    @Test
    @EmulatedMachineTest(arch = MailboxArchitectureProvider.NAME, cpus = 2,
            commandLine = MailboxArchitectureProvider.NAME + MailboxArchitecture.KERNEL_PARAMETER + "=6.1")
    void aKernelParameterChoosesTheStateTable(TestMachine machine) {
        assertThat(machine.machine().profile().name()).isEqualTo("linux-6.1-x86_64");
        machine.offline(1);
        machine.online(1);
    }

    @Test
    void aKernelWithoutAStateTableIsRefused() {
        MachineSpec spec = new MachineSpec(MailboxArchitectureProvider.NAME, 2, "", "sim", 0,
                MailboxArchitectureProvider.NAME + MailboxArchitecture.KERNEL_PARAMETER + "=5.4");

        assertThatThrownBy(() -> TestMachine.boot(spec, List.of()).close()).isInstanceOf(HotplugException.class)
                .hasMessageContaining("use 6.1 or 6.12")
                .extracting(e -> ((HotplugException) e).errno()).isEqualTo(Errno.EINVAL);
    }
}
