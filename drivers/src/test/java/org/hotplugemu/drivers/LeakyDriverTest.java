package org.hotplugemu.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotplugemu.core.api.Callback;
import org.hotplugemu.core.api.DriverContext;
import org.hotplugemu.core.api.HotplugDriver;
import org.hotplugemu.core.api.PerCpuResource;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.api.Test;

class LeakyDriverTest {
    /** Allocates a per-CPU buffer when a CPU comes online and forgets to free it when it goes down. */
    static final class LeakyDriver implements HotplugDriver {
        @Override
        public String name() {
            return "leaky";
        }

        @Override
        public void register(DriverContext context) {
            int dyn = context.hotplug().state("CPUHP_AP_ONLINE_DYN");
            PerCpuResource buffer = context.resources().track("leaky_buffer");
            int state = context.hotplug().setupState(dyn, "leaky:online",
                    Callback.of("leaky_online_cpu", buffer::acquire), Callback.of("leaky_offline_cpu", cpu -> { }));
            buffer.bind(state);
        }
    }

    @Test
    void invariantCheckerNamesTheLeakyDriverStateAndCpu() {
        try (Machine machine = Machines.booted("x86", 4, 7, "", List.of(new LeakyDriver()))) {
            assertThat(machine.control().checkInvariants()).isEmpty();

            machine.write("/sys/devices/system/cpu/cpu2/online", "0\n");

            List<String> violations = machine.control().checkInvariants();
            assertThat(violations).hasSize(1);
            assertThat(violations.get(0)).contains("leaky", "leaky_buffer", "211", "leaky:online", "CPU 2");
        }
    }

    @Test
    void stockDriversAloneAreNeverReported() {
        try (Machine machine = Machines.booted("arm64", 4, 7, "", List.of())) {
            machine.write("/sys/devices/system/cpu/cpu2/online", "0\n");
            machine.write("/sys/devices/system/cpu/cpu3/online", "0\n");
            machine.write("/sys/devices/system/cpu/cpu2/online", "1\n");

            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }
}
