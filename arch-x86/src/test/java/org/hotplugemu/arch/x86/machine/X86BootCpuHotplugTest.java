package org.hotplugemu.arch.x86.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The x86 boot CPU goes offline through {@code hotplug/target} and comes back, as 6.1 and 6.12 do. */
class X86BootCpuHotplugTest {
    private static final String CPU = "/sys/devices/system/cpu";

    private Machine machine;

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    private void boot(String engine, int cpus) {
        machine = new MachineBuilder().cpus(cpus).engine(engine).architecture(new X86ArchitectureProvider()).build();
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
    void bootCpuGoesToStateZeroAndBackThroughTarget(String engine) {
        boot(engine, 4);
        int online = Integer.parseInt(machine.read(CPU + "/cpu1/hotplug/state").strip());
        int before = machine.dmesg().size();

        machine.write(CPU + "/cpu0/hotplug/target", "0\n");

        assertThat(state(0)).isZero();
        assertThat(machine.read(CPU + "/online")).isEqualTo("1-3\n");
        assertThat(messagesSince(before)).contains("smpboot: CPU 0 is now offline");

        machine.write(CPU + "/cpu0/hotplug/target", online + "\n");

        assertThat(state(0)).isEqualTo(online);
        assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
        assertThat(messagesSince(before)).contains("smpboot: Booting Node 0 Processor 0 APIC 0x0");
        // The machine still works: the boot CPU goes again, and the others too.
        machine.write(CPU + "/cpu1/online", "0\n");
        machine.write(CPU + "/cpu0/hotplug/target", "0\n");
        assertThat(machine.read(CPU + "/online")).isEqualTo("2-3\n");
        machine.write(CPU + "/cpu0/hotplug/target", online + "\n");
        machine.write(CPU + "/cpu1/online", "1\n");
        assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
        assertThat(machine.control().checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void theLastOnlineCpuRefusesWithEbusyEvenWhenItIsNotTheBootCpu(String engine) {
        boot(engine, 2);
        machine.write(CPU + "/cpu0/hotplug/target", "0\n");

        assertThatThrownBy(() -> machine.write(CPU + "/cpu1/online", "0\n"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
        assertThat(machine.read(CPU + "/online")).isEqualTo("1\n");
        assertThat(machine.control().checkInvariants()).isEmpty();
    }
}
