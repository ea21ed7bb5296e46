package org.hotplugemu.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 10 000 random online/offline/target operations on 16 CPUs under continuous work, timer, hrtimer,
 * RCU and tasklet load: nothing is lost, nothing runs twice, and every driver's per-CPU resources
 * match the CPU states after every operation.
 */
class TortureTest {
    private static final int CPUS = 16;
    private static final int OPERATIONS = Integer.getInteger("torture.operations", 10_000);
    private static final String DEBUG = "/sys/kernel/debug/hotplug-emu/";
    private static final List<String> LEDGERS = List.of("workqueue", "timers", "hrtimers", "rcu", "tasklets");
    private static final List<String> CANT_STOP = List.of("threads:prepare", "cpu:bringup", "ap:offline", "cpu:teardown");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomHotplugUnderLoadLosesNothingAndRunsNothingTwice(long seed) {
        // A flat callback cost: the load's work grows with virtual time, and the profile's real costs
        // (tens of ms per operation) would make 10 000 operations run the load for minutes of wall time.
        try (Machine machine = Machines.booted("x86", CPUS, seed, "cpuhp.state_control=1 emu.callback_cost_ns=1000", List.of())) {
            List<Integer> targets = targets(machine);
            SplittableRandom random = new SplittableRandom(seed);
            machine.write(DEBUG + "load", seed + " 20\n");
            int succeeded = 0;
            for (int operation = 0; operation < OPERATIONS; operation++) {
                // CPU 0 keeps the load thread and is not hotpluggable on x86.
                int cpu = 1 + random.nextInt(CPUS - 1);
                String path = "/sys/devices/system/cpu/cpu" + cpu;
                try {
                    switch (random.nextInt(3)) {
                        case 0 -> machine.write(path + "/online", "0\n");
                        case 1 -> machine.write(path + "/online", "1\n");
                        default -> machine.write(path + "/hotplug/target", targets.get(random.nextInt(targets.size())) + "\n");
                    }
                    succeeded++;
                } catch (HotplugException expected) {
                    // e.g. EBUSY or EINVAL for a target the CPU cannot take from where it is: the machine stays consistent.
                }
                assertThat(machine.control().checkInvariants()).as("after operation %d", operation).isEmpty();
                assertThat(counter(machine, "workqueue", "duplicates")).isZero();
            }
            machine.write(DEBUG + "load", "0\n");
            for (int cpu = 1; cpu < CPUS; cpu++) {
                machine.write("/sys/devices/system/cpu/cpu" + cpu + "/hotplug/target", "236\n");
            }
            machine.sleep(Duration.ofMillis(200));

            assertThat(succeeded).isGreaterThan(OPERATIONS / 2);
            assertThat(machine.control().checkInvariants()).isEmpty();
            List<String> problems = new ArrayList<>();
            for (String ledger : LEDGERS) {
                long queued = counter(machine, ledger, "queued");
                if (queued == 0 || counter(machine, ledger, "run") != queued || counter(machine, ledger, "pending") != 0
                        || counter(machine, ledger, "lost") != 0 || counter(machine, ledger, "duplicates") != 0) {
                    problems.add(ledger + ":\n" + machine.read(DEBUG + ledger));
                }
            }
            assertThat(problems).isEmpty();
            assertThat(counter(machine, "workqueue", "migrated") + counter(machine, "timers", "migrated")
                    + counter(machine, "rcu", "migrated")).as("hotplug moved deferred work").isPositive();
        }
    }

    private static List<Integer> targets(Machine machine) {
        List<Integer> targets = new ArrayList<>();
        for (String line : machine.read("/sys/devices/system/cpu/hotplug/states").split("\n")) {
            String[] parts = line.strip().split(": ", 2);
            int number = Integer.parseInt(parts[0]);
            // Targets inside STARTING/DYING (92..152) hang the core's cpu_up today: reported to the lead.
            if (!CANT_STOP.contains(parts[1]) && (number < 92 || number > 152)) {
                targets.add(Integer.parseInt(parts[0]));
            }
        }
        return targets;
    }

    private static long counter(Machine machine, String ledger, String name) {
        for (String line : machine.read(DEBUG + ledger).split("\n")) {
            if (line.startsWith(name + ": ")) {
                return Long.parseLong(line.substring(name.length() + 2));
            }
        }
        throw new AssertionError(ledger + " has no counter " + name);
    }
}
