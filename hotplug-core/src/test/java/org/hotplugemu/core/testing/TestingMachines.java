package org.hotplugemu.core.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;

/** Short-hands for machine tests. */
public final class TestingMachines {
    public static final String CPU = "/sys/devices/system/cpu";

    private TestingMachines() {
    }

    /** A booted 6.1 x86 machine on the testing backend with these drivers. */
    public static Machine booted(int cpus, HotplugDriver... drivers) {
        Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(cpus).drivers(List.of(drivers)).build();
        machine.boot();
        return machine;
    }

    /** Asserts that writing {@code value} to {@code path} fails with {@code errno}. */
    public static void assertWriteFails(Machine machine, String path, String value, Errno errno) {
        assertThatThrownBy(() -> machine.write(path, value))
                .isInstanceOf(HotplugException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((HotplugException) e).errno()).isEqualTo(errno));
    }

    public static int state(Machine machine, int cpu) {
        return Integer.parseInt(machine.read(CPU + "/cpu" + cpu + "/hotplug/state").strip());
    }
}
