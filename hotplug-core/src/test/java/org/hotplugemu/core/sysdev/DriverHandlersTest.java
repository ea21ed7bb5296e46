package org.hotplugemu.core.sysdev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.SystemDeviceHandlers;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;

/** A driver plugin's hot-plug handlers, registered through the driver API, take part in requests. */
class DriverHandlersTest {
    /** Refuses to let CPU 3 arrive, and records every call. */
    private static final class Gatekeeper implements HotplugDriver {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "gatekeeper";
        }

        @Override
        public void register(DriverContext context) {
            context.systemDevices().register(SystemDeviceHandlers.Operation.ADD, SystemDeviceHandlers.Phase.EXECUTE, 45, name(),
                    (operation, targets, rollback) -> {
                        calls.add((rollback ? "rollback " : "execute ") + targets.cpus());
                        if (!rollback && targets.cpus().contains(3)) {
                            throw new HotplugException(Errno.EBUSY, "gatekeeper keeps CPU 3 out");
                        }
                    });
        }

        @Override
        public void unregister(DriverContext context) {
            context.systemDevices().unregister(name());
        }
    }

    @Test
    void aDriverHandlerRunsAfterTheCpuHandlerAndItsRefusalRollsTheCpuBack() {
        Gatekeeper driver = new Gatekeeper();
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).presentCpus(2)
                .drivers(List.of(driver)).build()) {
            machine.boot();
            SystemDevices devices = machine.systemDevices();

            assertThat(devices.insert(2).journal()).containsSubsequence("execute:cpu", "execute:gatekeeper");
            HotplugRequest refused = devices.insert(3);

            assertThat(refused.failure().getMessage()).isEqualTo("gatekeeper keeps CPU 3 out");
            assertThat(refused.journal()).containsSubsequence("execute:cpu", "execute:gatekeeper", "rollback:cpu");
            assertThat(machine.read("/sys/devices/system/cpu/present")).isEqualTo("0-2\n");
            assertThat(driver.calls).containsExactly("execute [2]", "execute [3]");

            machine.control().unloadDriver("gatekeeper");
            devices.insert(3);
            assertThat(machine.read("/sys/devices/system/cpu/present")).isEqualTo("0-3\n");
        }
    }
}
