package org.hotplugemu.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;

class MachineBootTest {
    @Test
    void bootBringsEveryCpuOnlineAndOfflineOnlineCycles() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).build()) {
            machine.boot();
            assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-3\n");
            assertThat(machine.read("/sys/devices/system/cpu/cpu1/hotplug/state")).isEqualTo("236\n");
            machine.write("/sys/devices/system/cpu/cpu1/online", "0\n");
            assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0,2-3\n");
            assertThat(machine.read("/sys/devices/system/cpu/cpu1/hotplug/state")).isEqualTo("0\n");
            machine.write("/sys/devices/system/cpu/cpu1/online", "1\n");
            assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-3\n");
            assertThat(machine.read("/sys/devices/system/cpu/cpu1/hotplug/state")).isEqualTo("236\n");
            assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("smp: Brought up 1 node, 4 CPUs"));
        }
    }
}
