package org.hotplugemu.drivers;

import org.hotplugemu.core.driver.MachineDrivers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.core.driver.ResourceViolation;
import org.hotplugemu.testkit.MachineSpec;
import org.hotplugemu.testkit.TestMachine;
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

    private static TestMachine booted(String architecture, List<? extends HotplugDriver> extra) {
        List<HotplugDriver> drivers = new java.util.ArrayList<>(MachineDrivers.createEach(Machines.stockProviders(), architecture));
        drivers.addAll(extra);
        String profile = architecture.equals("x86") ? "linux-6.1-x86_64" : "linux-6.1-arm64";
        return TestMachine.boot(new MachineSpec(architecture, 4, profile, "sim", 7, ""), drivers);
    }

    @Test
    void invariantCheckerNamesTheLeakyDriverStateAndCpu() {
        try (TestMachine machine = booted("x86", List.of(new LeakyDriver()))) {
            machine.assertInvariants();

            machine.offline(2);

            assertThat(machine.machine().control().resourceViolations()).containsExactly(
                    new ResourceViolation(ResourceViolation.Kind.LEAKED, "leaky", "leaky_buffer", 211, "leaky:online", null, 2, 0));
        }
    }

    @Test
    void invariantCheckerPrintsTheViolation() {
        try (TestMachine machine = booted("x86", List.of(new LeakyDriver()))) {
            machine.offline(2);

            assertThat(machine.invariantViolations()).containsExactly(
                    "driver leaky: resource 'leaky_buffer' of state 211 (leaky:online) is leaked on CPU 2 at state 0");
        }
    }

    @Test
    void stockDriversAloneAreNeverReported() {
        try (TestMachine machine = booted("arm64", List.of())) {
            machine.offline(2);
            machine.offline(3);
            machine.online(2);

            machine.assertInvariants();
        }
    }
}
