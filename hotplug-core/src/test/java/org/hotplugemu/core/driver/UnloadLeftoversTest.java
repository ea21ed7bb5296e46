package org.hotplugemu.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotplugemu.core.testing.TestingMachines.CPU;

import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.api.driver.SystemDeviceHandlers.Operation;
import org.hotplugemu.api.driver.SystemDeviceHandlers.Phase;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.testing.TestingMachines;
import org.junit.jupiter.api.Test;

/** {@code unloadDriver} reports what a driver's unregister left of what it set up through its context. */
class UnloadLeftoversTest {
    private static final String FILE = "/sys/kernel/debug/pmu/enable";

    /** What its unregister takes down is chosen per test. */
    private static final class PmuDriver implements HotplugDriver {
        final HotplugInstance pmu = () -> "pmu0";
        final java.util.List<java.util.function.Consumer<DriverContext>> exit = new java.util.ArrayList<>();
        PerCpuResource buffer;
        int online;
        int multi;

        @Override
        public String name() {
            return "pmu";
        }

        @Override
        public void register(DriverContext context) {
            buffer = context.resources().track("pmu_buffer");
            int dynamic = context.hotplug().state("CPUHP_AP_ONLINE_DYN");
            online = context.hotplug().setupState(dynamic, "pmu:online", Callback.of("pmu_online", buffer::acquire),
                    Callback.of("pmu_offline", buffer::release));
            buffer.bind(online);
            multi = context.hotplug().setupMultiState(dynamic, "pmu/uncore:online", MultiCallback.of("uncore_online", (cpu, i) -> { }),
                    MultiCallback.of("uncore_offline", (cpu, i) -> { }));
            context.hotplug().addInstance(multi, pmu);
            context.files().add(FILE, VirtualFile.readOnly(() -> "1\n"));
            context.systemDevices().register(Operation.ADD, Phase.EXECUTE, 45, "pmu", (op, targets, rollback) -> { });
        }

        @Override
        public void unregister(DriverContext context) {
            exit.forEach(step -> step.accept(context));
        }

        PmuDriver tidy() {
            exit.add(c -> c.systemDevices().unregister("pmu"));
            exit.add(c -> c.files().remove(FILE));
            exit.add(c -> c.hotplug().removeInstance(multi, pmu));
            exit.add(c -> c.hotplug().removeState(multi));
            exit.add(c -> c.hotplug().removeState(online));
            return this;
        }
    }

    @Test
    void anUnregisterThatUndoesEverythingLeavesNothing() {
        try (Machine machine = TestingMachines.booted(2)) {
            machine.control().loadDriver(new PmuDriver().tidy());

            assertThat(machine.control().unloadDriver("pmu")).isEmpty();
        }
    }

    @Test
    void anUnregisterThatDoesNothingLeavesEachThingNamedByKind() {
        try (Machine machine = TestingMachines.booted(2)) {
            PmuDriver driver = new PmuDriver();
            machine.control().loadDriver(driver);

            assertThat(machine.control().unloadDriver("pmu")).extracting(Leftover::message).containsExactly(
                    "state " + driver.online + " 'pmu:online' not removed",
                    "state " + driver.multi + " 'pmu/uncore:online' not removed",
                    "instance 'pmu0' of state " + driver.multi + " not removed",
                    "file " + FILE + " not removed",
                    "system device handler 'pmu' not unregistered",
                    "resource 'pmu_buffer' still held on CPUs [0, 1]");
            // Left in the machine, as after a bad module exit, and still the driver's.
            assertThat(machine.read(CPU + "/hotplug/states")).contains("pmu:online");
            assertThat(machine.read(FILE)).isEqualTo("1\n");
        }
    }

    @Test
    void anInstanceLeftOnARemovedStateIsReportedOnceAndItsStateNotAtAll() {
        try (Machine machine = TestingMachines.booted(2)) {
            PmuDriver driver = new PmuDriver().tidy();
            driver.exit.removeIf(step -> true);
            driver.exit.add(c -> c.systemDevices().unregister("pmu"));
            driver.exit.add(c -> c.files().remove(FILE));
            driver.exit.add(c -> c.hotplug().removeState(driver.multi));
            driver.exit.add(c -> c.hotplug().removeState(driver.online));
            machine.control().loadDriver(driver);

            assertThat(machine.control().unloadDriver("pmu")).extracting(Leftover::message)
                    .containsExactly("instance 'pmu0' of state " + driver.multi + " not removed");
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("Removing state " + driver.multi + " which has instances left"));
            machine.control().loadDriver(new PmuDriver().tidy());
            assertThat(machine.control().unloadDriver("pmu")).isEmpty();
        }
    }
}
