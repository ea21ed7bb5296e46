package org.hotplugemu.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotplugemu.core.testing.TestingMachines.CPU;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.SystemDeviceHandlers.Operation;
import org.hotplugemu.api.driver.SystemDeviceHandlers.Phase;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.sysdev.HotplugRequest;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;

/**
 * The files an architecture backend adds and the core's own files and system device handlers are
 * owned like a driver's states: a plugin driver that removes or replaces them gets EPERM, named
 * after the owner, even where the file is hidden (the directory of a CPU not present).
 */
class BackendOwnershipTest {
    private static final String BACKEND_FILE = "/sys/kernel/debug/testing/switch";

    /** Tries each attempt in register() and keeps what each one threw (null when it went through). */
    private static final class Intruder implements HotplugDriver {
        final Map<String, Consumer<DriverContext>> attempts = new LinkedHashMap<>();
        final Map<String, Throwable> outcomes = new LinkedHashMap<>();
        private final String name;

        Intruder(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void register(DriverContext context) {
            attempts.forEach((what, attempt) -> {
                try {
                    attempt.accept(context);
                    outcomes.put(what, null);
                }
                catch (RuntimeException e) {
                    outcomes.put(what, e);
                }
            });
        }
    }

    /** Four possible CPUs, two present; the testing backend adds a debugfs file of its own. */
    private static Machine machine() {
        TestingArchitectureProvider provider = new TestingArchitectureProvider()
                .configure(arch -> arch.context().files().add(BACKEND_FILE, VirtualFile.readOnly(() -> "on\n")));
        Machine machine = new MachineBuilder().architecture(provider).cpus(4).presentCpus(2).build();
        machine.boot();
        return machine;
    }

    private static void assertAllEperm(Intruder intruder) {
        assertThat(intruder.outcomes).containsOnlyKeys(intruder.attempts.keySet()).allSatisfy((what, failure) ->
                assertThat(failure).as(what).isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM)));
    }

    @Test
    void aBackendsFilesAndTheCoresHiddenFilesAreNotADriversToRemoveOrReplace() {
        try (Machine machine = machine()) {
            Intruder intruder = new Intruder("intruder");
            intruder.attempts.put("remove the backend's file", c -> c.files().remove(BACKEND_FILE));
            intruder.attempts.put("replace the backend's file", c -> c.files().add(BACKEND_FILE, VirtualFile.readOnly(() -> "off\n")));
            intruder.attempts.put("remove a hidden file", c -> c.files().remove(CPU + "/cpu3/online"));
            intruder.attempts.put("replace a hidden file", c -> c.files().add(CPU + "/cpu3/online", VirtualFile.readOnly(() -> "1\n")));
            assertThat(machine.exists(CPU + "/cpu3/online")).as("CPU 3 is not present").isFalse();

            machine.control().loadDriver(intruder);

            assertAllEperm(intruder);
            assertThat(intruder.outcomes.get("remove the backend's file"))
                    .hasMessage("driver intruder may not remove " + BACKEND_FILE + ": it belongs to the testing backend; a driver removes"
                            + " or replaces only the states, instances, files and handlers it created");
            assertThat(intruder.outcomes.get("remove a hidden file")).hasMessageContaining("it belongs to the core");
            assertThat(machine.read(BACKEND_FILE)).isEqualTo("on\n");
            assertThat(machine.systemDevices().insert(3).failure()).isNull();
            machine.write(CPU + "/cpu3/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1,3\n");
        }
    }

    @Test
    void theCoresHandlersAndAnotherDriversAreNotADriversToUnregisterOrReplace() {
        try (Machine machine = machine()) {
            Intruder gatekeeper = new Intruder("gatekeeper");
            gatekeeper.attempts.put("own", c -> c.systemDevices().register(Operation.ADD, Phase.VALIDATE, 45, "gatekeeper", (op, targets, rollback) -> { }));
            machine.control().loadDriver(gatekeeper);
            Intruder intruder = new Intruder("intruder");
            intruder.attempts.put("unregister cpu", c -> c.systemDevices().unregister("cpu"));
            intruder.attempts.put("unregister memory", c -> c.systemDevices().unregister("memory"));
            intruder.attempts.put("take the firmware's name in a phase it does not use",
                    c -> c.systemDevices().register(Operation.DELETE, Phase.VALIDATE, 5, "acpi_processor", (op, targets, rollback) -> { }));
            intruder.attempts.put("unregister another driver's", c -> c.systemDevices().unregister("gatekeeper"));
            intruder.attempts.put("replace another driver's",
                    c -> c.systemDevices().register(Operation.ADD, Phase.EXECUTE, 45, "gatekeeper", (op, targets, rollback) -> { }));

            machine.control().loadDriver(intruder);

            assertThat(gatekeeper.outcomes.get("own")).isNull();
            assertAllEperm(intruder);
            assertThat(intruder.outcomes.get("unregister cpu"))
                    .hasMessageStartingWith("driver intruder may not unregister system device handler 'cpu': it belongs to the core");
            assertThat(intruder.outcomes.get("unregister another driver's")).hasMessageContaining("it belongs to driver gatekeeper");
            HotplugRequest added = machine.systemDevices().insert(2);
            assertThat(added.failure()).isNull();
            assertThat(added.journal()).containsSubsequence("validate:acpi_processor", "validate:cpu", "validate:gatekeeper", "execute:cpu");
            assertThat(machine.read(CPU + "/present")).isEqualTo("0-2\n");
        }
    }

    @Test
    void aDriverStillUnregistersItsOwnHandlersAndNothingThatIsNotThere() {
        try (Machine machine = machine()) {
            Intruder self = new Intruder("self");
            self.attempts.put("own", c -> {
                c.systemDevices().register(Operation.ADD, Phase.EXECUTE, 45, "self", (op, targets, rollback) -> { });
                c.systemDevices().register(Operation.DELETE, Phase.EXECUTE, 15, "self", (op, targets, rollback) -> { });
                c.systemDevices().unregister("self");
                c.systemDevices().unregister("never-registered");
                c.systemDevices().register(Operation.ADD, Phase.EXECUTE, 45, "self", (op, targets, rollback) -> { });
            });

            machine.control().loadDriver(self);

            assertThat(self.outcomes).containsEntry("own", null);
            assertThat(machine.systemDevices().insert(2).journal()).contains("execute:self");
            assertThat(machine.control().unloadDriver("self")).extracting(Leftover::message)
                    .containsExactly("system device handler 'self' not unregistered");
        }
    }
}
