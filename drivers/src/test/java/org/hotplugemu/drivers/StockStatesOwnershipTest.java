package org.hotplugemu.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.driver.MachineDrivers;
import org.hotplugemu.drivers.load.LoadDriver;
import org.hotplugemu.drivers.rcu.RcuDriver;
import org.hotplugemu.drivers.softirq.SoftirqDriver;
import org.hotplugemu.drivers.timers.TimersDriver;
import org.hotplugemu.drivers.workqueue.WorkqueueDriver;
import org.hotplugemu.testkit.MachineSpec;
import org.hotplugemu.testkit.TestMachine;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's finding, reproduced with the stock drivers: a plugin removed every state they own, the
 * CPU online files and their debugfs files. Now each attempt fails with EPERM and nothing changes.
 */
class StockStatesOwnershipTest {
    private static final String CPU = "/sys/devices/system/cpu";
    /** The x86 backend's own debugfs file. */
    private static final String BACKEND_FILE = "/sys/kernel/debug/x86/lapic";
    private static final List<String> FILES = List.of(CPU + "/online", CPU + "/cpu1/online", LoadDriver.DEBUGFS,
            WorkqueueDriver.DEBUGFS, TimersDriver.TIMERS_DEBUGFS, TimersDriver.HRTIMERS_DEBUGFS, RcuDriver.DEBUGFS,
            SoftirqDriver.DEBUGFS, BACKEND_FILE);

    /** Tries to remove every registered state and the files above; keeps each attempt's errno. */
    private static final class Vandal implements HotplugDriver {
        final List<Integer> states = new ArrayList<>();
        final Map<String, Errno> outcomes = new LinkedHashMap<>();
        final Map<String, String> messages = new LinkedHashMap<>();

        @Override
        public String name() {
            return "vandal";
        }

        @Override
        public void register(DriverContext context) {
            for (int state : states) {
                attempt("state " + state, () -> context.hotplug().removeStateNoCalls(state));
            }
            for (String file : FILES) {
                attempt(file, () -> context.files().remove(file));
            }
        }

        private void attempt(String what, Runnable removal) {
            try {
                removal.run();
                outcomes.put(what, null);
            }
            catch (HotplugException e) {
                outcomes.put(what, e.errno());
                messages.put(what, e.getMessage());
            }
        }
    }

    private static List<Integer> registeredStates(String statesFile, int online) {
        List<Integer> states = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^ *(\\d+): ").matcher(statesFile);
        while (line.find()) {
            int state = Integer.parseInt(line.group(1));
            if (state > 0 && state < online) {
                states.add(state);
            }
        }
        return states;
    }

    @Test
    void aPluginCanRemoveNoStockStateOrFileAndTheMachineKeepsWorking() {
        try (TestMachine machine = TestMachine.boot(new MachineSpec("x86", 4, "linux-6.1-x86_64", "sim", 7, ""),
                MachineDrivers.createEach(Machines.stockProviders(), "x86"))) {
            String states = machine.read(CPU + "/hotplug/states");
            Map<String, String> files = new LinkedHashMap<>();
            FILES.forEach(file -> files.put(file, machine.read(file)));
            Vandal vandal = new Vandal();
            vandal.states.addAll(registeredStates(states, machine.machine().profile().online()));
            var profile = machine.machine().profile();
            long dynamic = vandal.states.stream().filter(state -> profile.apOnlineDyn().first() <= state && state <= profile.apOnlineDyn().last()
                    || profile.bpPrepareDyn().first() <= state && state <= profile.bpPrepareDyn().last()).count();

            machine.load(vandal);

            assertThat(dynamic).as("dynamic states of the stock drivers").isPositive();
            assertThat(vandal.outcomes).hasSize(vandal.states.size() + FILES.size())
                    .allSatisfy((what, errno) -> assertThat(errno).as(what).isEqualTo(Errno.EPERM));
            assertThat(vandal.messages.get(BACKEND_FILE)).contains("it belongs to the x86 backend");
            assertThat(vandal.messages.get(WorkqueueDriver.DEBUGFS)).contains("it belongs to driver workqueue");
            assertThat(machine.read(CPU + "/hotplug/states")).isEqualTo(states);
            FILES.forEach(file -> assertThat(machine.machine().exists(file)).as(file).isTrue());
            machine.offline(1);
            machine.online(1);
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
            machine.assertInvariants();
        }
    }
}
