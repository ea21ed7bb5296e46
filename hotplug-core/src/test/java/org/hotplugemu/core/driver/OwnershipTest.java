package org.hotplugemu.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotplugemu.core.testing.TestingMachines.CPU;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.testing.TestingMachines;
import org.junit.jupiter.api.Test;

/** Issue 14: through the public API a plugin removed other drivers' states, instances and files, and sysfs itself. */
class OwnershipTest {
    private static final String OWNER_FILE = "/sys/kernel/debug/owner/switch";

    private record Instance(String name) implements HotplugInstance {
    }

    /** Owns a dynamic state, a multi-instance state with one instance, and a debugfs file; removes them on unregister. */
    private static class OwnerDriver implements HotplugDriver {
        final Instance pmu = new Instance("pmu0");
        int single;
        int multi;

        @Override
        public String name() {
            return "owner";
        }

        @Override
        public void register(DriverContext context) {
            int dyn = context.hotplug().state("CPUHP_AP_ONLINE_DYN");
            single = context.hotplug().setupState(dyn, "owner:online", Callback.of("owner_online", cpu -> { }),
                    Callback.of("owner_offline", cpu -> { }));
            multi = context.hotplug().setupMultiState(dyn, "owner:multi", MultiCallback.of("owner_multi_online", (cpu, i) -> { }),
                    MultiCallback.of("owner_multi_offline", (cpu, i) -> { }));
            context.hotplug().addInstance(multi, pmu);
            context.files().add(OWNER_FILE, VirtualFile.readOnly(() -> "on\n"));
        }

        @Override
        public void unregister(DriverContext context) {
            context.files().remove(OWNER_FILE);
            context.hotplug().removeInstance(multi, pmu);
            context.hotplug().removeState(multi);
            context.hotplug().removeState(single);
        }
    }

    /** Tries each removal in register() and keeps what each attempt threw. */
    private static final class IntruderDriver implements HotplugDriver {
        final Map<String, Consumer<DriverContext>> attempts = new LinkedHashMap<>();
        final Map<String, Throwable> failures = new LinkedHashMap<>();

        @Override
        public String name() {
            return "intruder";
        }

        @Override
        public void register(DriverContext context) {
            attempts.forEach((what, attempt) -> {
                try {
                    attempt.accept(context);
                }
                catch (RuntimeException e) {
                    failures.put(what, e);
                }
            });
        }
    }

    private static Errno errnoOf(Throwable failure) {
        return failure instanceof HotplugException e ? e.errno() : null;
    }

    private static List<String> snapshot(Machine machine) {
        List<String> files = new ArrayList<>();
        files.add(machine.read(CPU + "/hotplug/states"));
        files.add(machine.read(CPU + "/online"));
        files.add(machine.read(CPU + "/cpu1/online"));
        files.add(machine.read(OWNER_FILE));
        return files;
    }

    @Test
    void removingAnotherDriversOrTheCoresStatesInstancesAndFilesFailsWithEpermAndChangesNothing() {
        OwnerDriver owner = new OwnerDriver();
        try (Machine machine = TestingMachines.booted(4, owner)) {
            List<String> before = snapshot(machine);
            IntruderDriver intruder = new IntruderDriver();
            int coreState = machine.profile().number("CPUHP_AP_SCHED_STARTING");
            intruder.attempts.put("removeState", c -> c.hotplug().removeState(owner.single));
            intruder.attempts.put("removeStateNoCalls", c -> c.hotplug().removeStateNoCalls(owner.multi));
            intruder.attempts.put("remove the core's state", c -> c.hotplug().removeStateNoCalls(coreState));
            intruder.attempts.put("removeInstance", c -> c.hotplug().removeInstance(owner.multi, owner.pmu));
            intruder.attempts.put("removeInstanceNoCalls", c -> c.hotplug().removeInstanceNoCalls(owner.multi, owner.pmu));
            intruder.attempts.put("remove online", c -> c.files().remove(CPU + "/online"));
            intruder.attempts.put("remove cpu1/online", c -> c.files().remove(CPU + "/cpu1/online"));
            intruder.attempts.put("remove a directory", c -> c.files().remove(CPU + "/cpu1"));
            intruder.attempts.put("remove owner's file", c -> c.files().remove("/sys/kernel/debug//owner/./switch"));
            intruder.attempts.put("replace owner's file", c -> c.files().add(OWNER_FILE, VirtualFile.readOnly(() -> "off\n")));
            intruder.attempts.put("replace online", c -> c.files().add(CPU + "/online", VirtualFile.readOnly(() -> "0-3\n")));

            machine.control().loadDriver(intruder);

            assertThat(intruder.failures).containsOnlyKeys(intruder.attempts.keySet());
            assertThat(intruder.failures.values()).allSatisfy(e -> assertThat(errnoOf(e)).as(e.toString()).isEqualTo(Errno.EPERM));
            assertThat(intruder.failures.get("removeState")).hasMessageContaining("driver intruder may not remove state " + owner.single)
                    .hasMessageContaining("driver owner");
            assertThat(intruder.failures.get("remove online")).hasMessageContaining("it belongs to the core");
            assertThat(snapshot(machine)).isEqualTo(before);
            machine.write(CPU + "/cpu1/online", "0\n");
            machine.write(CPU + "/cpu1/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }

    @Test
    void aDriverStillRemovesItsOwnAndNothingThatIsNotThere() {
        try (Machine machine = TestingMachines.booted(2)) {
            IntruderDriver self = new IntruderDriver();
            Instance pmu = new Instance("pmu1");
            self.attempts.put("own", c -> {
                int dyn = c.hotplug().state("CPUHP_AP_ONLINE_DYN");
                int single = c.hotplug().setupState(dyn, "self:online", Callback.of("self_online", cpu -> { }), Callback.of("self_offline", cpu -> { }));
                int multi = c.hotplug().setupMultiState(dyn, "self:multi", MultiCallback.of("self_multi", (cpu, i) -> { }), null);
                c.hotplug().addInstance(multi, pmu);
                c.files().add("/sys/kernel/debug/self", VirtualFile.readOnly(() -> "x\n"));
                c.hotplug().removeInstance(multi, pmu);
                c.hotplug().removeState(multi);
                c.hotplug().removeState(single);
                c.files().remove("/sys/kernel/debug/self");
                c.files().remove("/sys/kernel/debug/never-added");
                c.files().add("/sys/kernel/debug/self", VirtualFile.readOnly(() -> "again\n"));
            });

            machine.control().loadDriver(self);

            assertThat(self.failures).isEmpty();
            assertThat(machine.read("/sys/kernel/debug/self")).isEqualTo("again\n");
            assertThat(machine.read(CPU + "/hotplug/states")).doesNotContain("self:");
        }
    }

    @Test
    void unloadingTheOwnerRemovesEverythingItOwnedAndFreesItsSlotsForOthers() {
        OwnerDriver owner = new OwnerDriver();
        try (Machine machine = TestingMachines.booted(4, owner)) {
            String states = machine.read(CPU + "/hotplug/states");
            assertThat(states).contains("owner:online", "owner:multi");

            machine.control().unloadDriver("owner");

            assertThat(machine.read(CPU + "/hotplug/states")).doesNotContain("owner:");
            assertThat(machine.exists(OWNER_FILE)).isFalse();
            OwnerDriver successor = new OwnerDriver() {
                @Override
                public String name() {
                    return "successor";
                }
            };
            machine.control().loadDriver(successor);
            assertThat(successor.single).isEqualTo(owner.single);
            machine.control().unloadDriver("successor");
            assertThat(machine.read(CPU + "/hotplug/states")).isEqualTo(states.replaceAll("(?m)^.*owner:.*\\n", ""));
        }
    }
}
