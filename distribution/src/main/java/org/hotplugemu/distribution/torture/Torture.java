package org.hotplugemu.distribution.torture;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;

/**
 * {@code torture_onoff} on an emulated machine: random offline/online writes (and, with state
 * control, {@code hotplug/target} writes) on random hotpluggable CPUs, never the last online one,
 * under the stock drivers' work, timer, RCU and tasklet load. After every operation the invariant
 * checker runs; at the end every load ledger must have run each item exactly once.
 */
public final class Torture {
    static final String DEBUG = "/sys/kernel/debug/hotplug-emu/";
    static final String CPU = "/sys/devices/system/cpu/";
    private static final List<String> LEDGERS = List.of("workqueue", "timers", "hrtimers", "rcu", "tasklets");

    /** What a run found: attempts and successes as torture_onoff counts them, and every problem. */
    public record Result(long seed, int attempts, int successes, Map<String, Map<String, Long>> ledgers, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private final Machine machine;
    private final long seed;
    private final boolean stateControl;
    private final boolean hotplug;

    /** With {@code stateControl} (the machine booted with {@code cpuhp.state_control=1}) it also writes random targets. */
    public Torture(Machine machine, long seed, boolean stateControl) {
        this(machine, seed, stateControl, false);
    }

    /** With {@code hotplug} it also hot-removes and hot-adds CPUs (eject request, device check) now and then. */
    public Torture(Machine machine, long seed, boolean stateControl, boolean hotplug) {
        this.machine = requireNonNull(machine, "machine is null");
        this.seed = seed;
        this.stateControl = stateControl;
        this.hotplug = hotplug;
    }

    /** Runs {@code operations} operations; {@code progress} gets the count done so far. */
    public Result run(int operations, IntConsumer progress) {
        List<Integer> cpus = hotpluggable();
        List<String> problems = new ArrayList<>();
        if (cpus.isEmpty()) {
            problems.add("no CPU of this machine can be taken offline (no cpuN/online file)");
            return new Result(seed, 0, 0, Map.of(), problems);
        }
        // One CPU always stays online and hosts the load thread: a CPU that cannot go offline anyway when
        // there is one, otherwise the last hotpluggable CPU, so that the boot CPU is tortured too.
        int keep = firstNotIn(cpus).orElse(cpus.get(cpus.size() - 1));
        boolean load = machine.exists(DEBUG + "load");
        if (load) {
            // seed 0 means "stop" to the load file, so --seed 0 starts it with seed 1.
            machine.write(DEBUG + "load", (seed == 0 ? 1 : seed) + " 20 " + keep + "\n");
        }
        List<Integer> targets = stateControl ? targets() : List.of(0, machine.profile().online());
        SplittableRandom random = new SplittableRandom(seed);
        int attempts = 0;
        int successes = 0;
        for (int operation = 0; operation < operations && problems.isEmpty(); operation++) {
            int cpu = cpus.get(random.nextInt(cpus.size()));
            if (cpu == keep) {
                continue;
            }
            attempts++;
            try {
                if (hotplug && random.nextInt(6) == 0) {
                    hotplugOperation(cpu);
                }
                else if (random.nextInt(3) < 2) {
                    boolean online = machine.read(CPU + "cpu" + cpu + "/online").startsWith("1");
                    machine.write(CPU + "cpu" + cpu + "/online", online ? "0\n" : "1\n");
                }
                else {
                    machine.write(CPU + "cpu" + cpu + "/hotplug/target", targets.get(random.nextInt(targets.size())) + "\n");
                }
                successes++;
            }
            catch (HotplugException e) {
                // torture_onoff counts failures and goes on; the invariants below say whether anything broke.
            }
            for (String violation : machine.control().checkInvariants()) {
                problems.add("after operation " + operation + ": " + violation);
            }
            progress.accept(operation + 1);
        }
        if (load) {
            machine.write(DEBUG + "load", "0\n");
        }
        for (int cpu : cpus) {
            if (hotplug && !machine.systemDevices().registered(cpu)) {
                machine.systemDevices().insert(cpu);
            }
            // A hot-added CPU has no hotplug/ directory: bring it back through its online file.
            if (machine.exists(CPU + "cpu" + cpu + "/hotplug/target")) {
                machine.write(CPU + "cpu" + cpu + "/hotplug/target", machine.profile().online() + "\n");
            } else {
                machine.write(CPU + "cpu" + cpu + "/online", "1\n");
            }
        }
        machine.sleep(Duration.ofMillis(200));
        problems.addAll(machine.control().checkInvariants());
        // As the kernel's torture scripts do with the console: any lockdep report fails the run.
        LockdepReports.summaries(machine.dmesg(), 0).forEach(report -> problems.add("lockdep: " + report));
        Map<String, Map<String, Long>> ledgers = load ? ledgers(machine, problems) : Map.of();
        return new Result(seed, attempts, successes, ledgers, problems);
    }

    /** Ejects a present CPU (the guest offlines it first) or re-inserts an ejected one; a refusal is a HotplugException. */
    private void hotplugOperation(int cpu) {
        var devices = machine.systemDevices();
        var request = devices.registered(cpu) ? devices.requestEject(cpu) : devices.insert(cpu);
        if (request.failure() != null) {
            throw request.failure();
        }
    }

    /**
     * Reads the load's work, timer, RCU and tasklet ledgers and adds to {@code problems} any that lost
     * or duplicated work, or saw none; call it once the load has stopped and everything has drained.
     */
    public static Map<String, Map<String, Long>> ledgers(Machine machine, List<String> problems) {
        Map<String, Map<String, Long>> ledgers = new LinkedHashMap<>();
        for (String ledger : LEDGERS) {
            Map<String, Long> counters = new LinkedHashMap<>();
            for (String line : machine.read(DEBUG + ledger).split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    counters.put(line.substring(0, colon), Long.parseLong(line.substring(colon + 2).strip()));
                }
            }
            ledgers.put(ledger, counters);
            long queued = counters.getOrDefault("queued", 0L);
            if (queued == 0) {
                problems.add(ledger + " saw no work at all: the load did not run, so nothing was checked");
            }
            if (counters.getOrDefault("run", -1L) != queued || counters.getOrDefault("lost", 0L) != 0
                    || counters.getOrDefault("duplicates", 0L) != 0 || counters.getOrDefault("pending", 0L) != 0) {
                problems.add(ledger + " lost or duplicated work: " + counters);
            }
        }
        return ledgers;
    }

    private List<Integer> hotpluggable() {
        List<Integer> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < machine.cpus(); cpu++) {
            if (machine.exists(CPU + "cpu" + cpu + "/online")) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /** The first CPU without an {@code online} file: the loop never touches it, so it stays online. */
    private java.util.OptionalInt firstNotIn(List<Integer> hotpluggable) {
        return java.util.stream.IntStream.range(0, machine.cpus()).filter(cpu -> !hotpluggable.contains(cpu)).findFirst();
    }

    /** Every named, non-cant_stop state outside STARTING: what hotplug/target accepts with state control. */
    private List<Integer> targets() {
        List<Integer> targets = new ArrayList<>();
        var profile = machine.profile();
        for (String line : machine.read(CPU + "hotplug/states").split("\n")) {
            int state = Integer.parseInt(line.substring(0, line.indexOf(':')).strip());
            boolean cantStop = profile.byNumber(state).map(definition -> definition.cantStop()).orElse(false);
            if (!cantStop && (state < profile.apIdleDead() || state > profile.apOnline())) {
                targets.add(state);
            }
        }
        return targets;
    }
}
