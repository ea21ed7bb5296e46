package org.hotplugemu.arch.arm64.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.arm64.Arm64ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The arm64 boot CPU goes offline through {@code cpu0/online} and comes back, as 6.1 and 6.12 do. */
class Arm64BootCpuHotplugTest {
    private static final String CPU = "/sys/devices/system/cpu";

    private Machine machine;

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    private void boot(String engine, int cpus) {
        machine = new MachineBuilder().cpus(cpus).engine(engine).architecture(new Arm64ArchitectureProvider())
                // Flat callback costs: the psci "polled N ms" jiffies depend on where boot leaves the clock.
                .commandLine("emu.callback_cost_ns=1000").build();
        machine.boot();
    }

    private List<String> messagesSince(int line) {
        return machine.dmesg().subList(line, machine.dmesg().size()).stream()
                .map(each -> each.substring(each.indexOf("] ") + 2)).toList();
    }

    private int state(int cpu) {
        return Integer.parseInt(machine.read(CPU + "/cpu" + cpu + "/hotplug/state").strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void bootCpuGoesOfflineAndBackThroughItsOnlineFile(String engine) {
        boot(engine, 4);
        int online = state(1);
        int before = machine.dmesg().size();

        machine.write(CPU + "/cpu0/online", "0\n");

        assertThat(state(0)).isZero();
        assertThat(machine.read(CPU + "/cpu0/online")).isEqualTo("0\n");
        assertThat(machine.read(CPU + "/online")).isEqualTo("1-3\n");
        // The threads engine polls in real time, so the figure is 0 ms only under sim.
        assertThat(messagesSince(before)).anyMatch(line -> line.matches("psci: CPU0 killed \\(polled \\d+ ms\\)"));
        if (engine.equals("sim")) {
            assertThat(messagesSince(before)).contains("psci: CPU0 killed (polled 0 ms)");
        }

        machine.write(CPU + "/cpu0/online", "1\n");

        assertThat(state(0)).isEqualTo(online);
        assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
        assertThat(messagesSince(before)).contains("CPU0: Booted secondary processor 0x0000000000 [0x411fd070]");
        machine.write(CPU + "/cpu2/online", "0\n");
        machine.write(CPU + "/cpu0/online", "0\n");
        assertThat(machine.read(CPU + "/online")).isEqualTo("1,3\n");
        machine.write(CPU + "/cpu0/online", "1\n");
        machine.write(CPU + "/cpu2/online", "1\n");
        assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
        assertThat(machine.control().checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void theLastOnlineCpuRefusesWithEbusyEvenWhenItIsNotTheBootCpu(String engine) {
        boot(engine, 2);
        machine.write(CPU + "/cpu0/online", "0\n");

        assertThatThrownBy(() -> machine.write(CPU + "/cpu1/online", "0\n"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
        assertThat(machine.read(CPU + "/online")).isEqualTo("1\n");
        assertThat(machine.control().checkInvariants()).isEmpty();
    }
}
