package org.hotplugemu.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.api.driver.SystemDeviceHandlers;
import org.hotplugemu.api.kernel.VirtualFile;
import org.junit.jupiter.api.Test;

/**
 * {@link TestMachine#unload} fails, naming what is left (states, instances, files, handlers, held
 * resources), when a driver's unregister does not undo its register.
 */
@EmulatedMachineTest(cpus = 2, seed = 4)
class UnloadLeakCheckTest {
    private static final HotplugInstance PMU = () -> "pmu0";
    private static final String FILE = "/sys/kernel/debug/pmu/enable";

    /** Sets up a state with a resource, a multi-instance state with one instance and a file; takes down what {@code tidy} says. */
    private static final class PmuDriver implements HotplugDriver {
        private final boolean tidy;
        private final boolean removeWithoutCalls;
        private int online;
        private int multi;
        private PerCpuResource buffer;

        PmuDriver(boolean tidy, boolean removeWithoutCalls) {
            this.tidy = tidy;
            this.removeWithoutCalls = removeWithoutCalls;
        }

        @Override
        public String name() {
            return "pmu";
        }

        @Override
        public void register(DriverContext context) {
            buffer = context.resources().track("pmu_buffer");
            int dynamic = context.hotplug().state("CPUHP_AP_ONLINE_DYN");
            online = context.hotplug().setupState(dynamic, "pmu:online", Callback.of("pmu_online_cpu", buffer::acquire),
                    Callback.of("pmu_offline_cpu", buffer::release));
            buffer.bind(online);
            multi = context.hotplug().setupMultiState(dynamic, "pmu/uncore:online", MultiCallback.of("uncore_online", (cpu, i) -> { }),
                    MultiCallback.of("uncore_offline", (cpu, i) -> { }));
            context.hotplug().addInstance(multi, PMU);
            context.files().add(FILE, VirtualFile.readOnly(() -> "1\n"));
            context.systemDevices().register(SystemDeviceHandlers.Operation.ADD, SystemDeviceHandlers.Phase.EXECUTE, 45, "pmu",
                    (operation, targets, rollback) -> { });
        }

        @Override
        public void unregister(DriverContext context) {
            if (removeWithoutCalls) {
                // Frees nothing: the buffer stays held on every online CPU.
                context.hotplug().removeInstance(multi, PMU);
                context.hotplug().removeStateNoCalls(multi);
                context.hotplug().removeStateNoCalls(online);
                context.files().remove(FILE);
                context.systemDevices().unregister("pmu");
            }
            else if (tidy) {
                context.systemDevices().unregister("pmu");
                context.files().remove(FILE);
                context.hotplug().removeInstance(multi, PMU);
                context.hotplug().removeState(multi);
                context.hotplug().removeState(online);
            }
        }
    }

    @Test
    void aDriverThatUndoesEverythingUnloadsCleanly(TestMachine machine) {
        machine.load(new PmuDriver(true, false));

        machine.unload("pmu");

        assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).doesNotContain("pmu");
        machine.load(new PmuDriver(true, false));
        machine.offline(1);
        machine.unload("pmu");
    }

    @Test
    void anUnregisterThatLeavesEverythingBehindIsNamedInFull(TestMachine machine) {
        machine.load(new PmuDriver(false, false));

        assertThatThrownBy(() -> machine.unload("pmu")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("driver pmu left behind after unregister:")
                .hasMessageContaining(" 'pmu:online' not removed")
                .hasMessageContaining(" 'pmu/uncore:online' not removed")
                .hasMessageContaining("instance 'pmu0' of state ")
                .hasMessageContaining("file " + FILE + " not removed")
                .hasMessageContaining("system device handler 'pmu' not unregistered")
                .hasMessageContaining("resource 'pmu_buffer' still held on CPUs [0, 1]");
        // The leftovers are really there, as they would be in a kernel after a bad module exit.
        assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).contains("pmu:online", "pmu/uncore:online");
        assertThat(machine.read(FILE)).isEqualTo("1\n");
    }

    @Test
    void removingAStateWithoutCallsLeavesItsResourceHeldAndThatIsALeak(TestMachine machine) {
        machine.load(new PmuDriver(false, true));
        machine.offline(1);

        assertThatThrownBy(() -> machine.unload("pmu")).isInstanceOf(AssertionError.class)
                .hasMessage("driver pmu left behind after unregister:\n  resource 'pmu_buffer' still held on CPUs [0]");
    }
}
