package org.hotplugemu.distribution.torture;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.junit.jupiter.api.Test;

/** {@code torture --hotplug}: hot-removes and hot-adds CPUs between offline/online writes, and every check still holds. */
class HotplugTortureTest {
    @Test
    void hotRemoveAndAddUnderTortureBreakNothing() {
        try (Machine machine = new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(6).seed(3).build()) {
            machine.boot();
            Torture.Result result = new Torture(machine, 3, false, true).run(300, done -> { });

            assertThat(result.problems()).isEmpty();
            long ejects = machine.systemDevices().uevents().all().stream().filter(event -> event.action().equals("remove")).count();
            long adds = machine.systemDevices().uevents().all().stream().filter(event -> event.action().equals("add")).count();
            assertThat(ejects).isPositive();
            assertThat(adds).isEqualTo(ejects);
            assertThat(machine.read("/sys/devices/system/cpu/present")).isEqualTo("0-5\n");
            assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-5\n");
        }
    }
}
