package org.hotplugemu.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotplugemu.core.testing.TestingMachines.CPU;

import java.util.List;
import java.util.SplittableRandom;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec section 11: the logic of the kernel's own tests, {@code cpu-on-off-test.sh} and
 * {@code torture_onoff}, on both engines.
 */
class KernelSelftestsTest {
    private static Machine machine(String engine, int cpus) {
        Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(cpus).engine(engine).seed(7).build();
        machine.boot();
        return machine;
    }

    private static List<Integer> hotpluggable(Machine machine) {
        return java.util.stream.IntStream.range(0, machine.cpus()).filter(cpu -> machine.exists(CPU + "/cpu" + cpu + "/online")).boxed().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void cpuOnOffTestOfflinesAndOnlinesTheHighestOnlineCpu(String engine) {
        try (Machine machine = machine(engine, 4)) {
            int highest = hotpluggable(machine).stream().filter(cpu -> machine.read(CPU + "/cpu" + cpu + "/online").equals("1\n"))
                    .reduce((a, b) -> b).orElseThrow();
            machine.write(CPU + "/cpu" + highest + "/online", "0\n");
            assertThat(machine.read(CPU + "/cpu" + highest + "/online")).isEqualTo("0\n");
            machine.write(CPU + "/cpu" + highest + "/online", "1\n");
            assertThat(machine.read(CPU + "/cpu" + highest + "/online")).isEqualTo("1\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void cpuOnOffTestAllOfflinesAndOnlinesEveryHotpluggableCpu(String engine) {
        try (Machine machine = machine(engine, 4)) {
            for (int cpu : hotpluggable(machine)) {
                machine.write(CPU + "/cpu" + cpu + "/online", "0\n");
                assertThat(machine.read(CPU + "/cpu" + cpu + "/online")).isEqualTo("0\n");
            }
            assertThat(machine.read(CPU + "/online")).isEqualTo("0\n");
            for (int cpu : hotpluggable(machine)) {
                machine.write(CPU + "/cpu" + cpu + "/online", "1\n");
                assertThat(machine.read(CPU + "/cpu" + cpu + "/online")).isEqualTo("1\n");
            }
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void tortureOnoffChurnKeepsEveryCpuConsistent(String engine) {
        try (Machine machine = machine(engine, 6)) {
            SplittableRandom random = new SplittableRandom(42);
            List<Integer> cpus = hotpluggable(machine);
            int attempts = 0;
            int successes = 0;
            for (int i = 0; i < 300; i++) {
                int cpu = cpus.get(random.nextInt(cpus.size()));
                boolean online = machine.read(CPU + "/cpu" + cpu + "/online").equals("1\n");
                attempts++;
                try {
                    machine.write(CPU + "/cpu" + cpu + "/online", online ? "0\n" : "1\n");
                    successes++;
                }
                catch (HotplugException e) {
                    // torture_onoff counts failures and goes on
                }
                int state = Integer.parseInt(machine.read(CPU + "/cpu" + cpu + "/hotplug/state").strip());
                assertThat(state).isIn(0, 236);
                assertThat(machine.read(CPU + "/cpu" + cpu + "/online")).isEqualTo(state == 236 ? "1\n" : "0\n");
            }
            assertThat(successes).isEqualTo(attempts);
            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }
}
