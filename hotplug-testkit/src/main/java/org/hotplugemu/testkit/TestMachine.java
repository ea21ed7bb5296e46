package org.hotplugemu.testkit;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.driver.Leftover;
import org.hotplugemu.core.machine.Machine;

/**
 * A booted emulated machine for a test, with helpers that assert as they go: CPUs on- and
 * offline with the errno the kernel returns, code run on an emulated thread, the machine settled.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TestMachine implements AutoCloseable {
    /** Where the CPU files live. */
    public static final String CPU = "/sys/devices/system/cpu";

    private static final Duration SETTLE_STEP = Duration.ofMillis(10);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);

    private final MachineSpec spec;
    private final Machine machine;
    /** CPUs online at boot whose target was never set (6.1 leaves the boot CPU's target 0 while it is online). */
    private final java.util.Set<Integer> targetUnset = new java.util.HashSet<>();
    /** The drivers handed to this machine and still loaded, by name, for the replay command. */
    private final java.util.Map<String, HotplugDriver> drivers = new java.util.LinkedHashMap<>();

    private TestMachine(MachineSpec spec, Machine machine, List<? extends HotplugDriver> drivers) {
        this.spec = spec;
        this.machine = machine;
        drivers.forEach(driver -> this.drivers.put(driver.name(), driver));
        for (int cpu = 0; cpu < machine.cpus(); cpu++) {
            if (machine.control().target(cpu) == 0 && machine.control().state(cpu) == machine.profile().online()) {
                targetUnset.add(cpu);
            }
        }
    }

    /**
     * Builds and boots a machine with {@code drivers}.
     *
     * @throws HotplugException when the machine cannot be built or boot fails
     */
    public static TestMachine boot(MachineSpec spec, List<? extends HotplugDriver> drivers) {
        Machine machine = requireNonNull(spec, "spec is null").builder().drivers(drivers).build();
        try {
            machine.boot();
        }
        catch (RuntimeException e) {
            machine.close();
            throw e;
        }
        return new TestMachine(spec, machine, drivers);
    }

    public MachineSpec spec() {
        return spec;
    }

    /** Returns the machine underneath, for what these helpers do not cover. */
    public Machine machine() {
        return machine;
    }

    /** Runs {@code code} on a new emulated thread bound to {@code cpu} and returns its result. */
    public <T> T exec(int cpu, Callable<T> code) {
        return machine.execute("test/" + cpu, cpu, code);
    }

    /** Runs {@code code} on a new emulated thread bound to {@code cpu}. */
    public void exec(int cpu, Runnable code) {
        exec(cpu, () -> {
            code.run();
            return null;
        });
    }

    /**
     * Lets engine time pass until every CPU rests at its hotplug target (a hotplug thread may still
     * be finishing an asynchronous step); a boot CPU whose target the kernel never set counts as
     * resting while it is online.
     *
     * @throws AssertionError naming the CPUs still moving after 30 s of engine time
     */
    public void settle() {
        for (Duration waited = Duration.ZERO; waited.compareTo(SETTLE_LIMIT) < 0; waited = waited.plus(SETTLE_STEP)) {
            if (moving().isEmpty()) {
                return;
            }
            machine.sleep(SETTLE_STEP);
        }
        throw new AssertionError("machine did not settle in " + SETTLE_LIMIT.toSeconds() + " s: " + String.join(", ", moving()));
    }

    private List<String> moving() {
        List<String> moving = new ArrayList<>();
        for (int cpu = 0; cpu < machine.cpus(); cpu++) {
            int state = state(cpu);
            int target = machine.control().target(cpu);
            boolean unset = target == 0 && state == onlineState() && targetUnset.contains(cpu);
            if (state != target && !unset) {
                moving.add("CPU " + cpu + " at " + state + " towards " + target);
            }
        }
        return moving;
    }

    /** Reads a file as {@code cat} does. */
    public String read(String path) {
        return machine.read(path);
    }

    /** Reads a one-line file without its newline. */
    public String readLine(String path) {
        return machine.read(path).strip();
    }

    /** Writes {@code value} (a newline is added when missing) as {@code echo value > path} does. */
    public void write(String path, String value) {
        machine.write(path, value.endsWith("\n") ? value : value + "\n");
    }

    /** Returns {@code cpuN/hotplug/state}. */
    public int state(int cpu) {
        return machine.control().state(cpu);
    }

    /** Returns the profile's number of the ONLINE state. */
    public int onlineState() {
        return machine.profile().online();
    }

    /** Brings {@code cpu} online through {@code cpuN/online} and asserts it reached ONLINE. */
    public void online(int cpu) {
        writeOnline(cpu, "1");
        assertState(cpu, onlineState(), "online");
    }

    /** Takes {@code cpu} offline through {@code cpuN/online} and asserts it reached OFFLINE. */
    public void offline(int cpu) {
        writeOnline(cpu, "0");
        assertState(cpu, 0, "offline");
    }

    /** Asserts that bringing {@code cpu} online fails with {@code errno}; returns the error. */
    public HotplugException assertOnlineFails(int cpu, Errno errno) {
        return assertFails(cpu, "1", errno);
    }

    /** Asserts that taking {@code cpu} offline fails with {@code errno}; returns the error. */
    public HotplugException assertOfflineFails(int cpu, Errno errno) {
        return assertFails(cpu, "0", errno);
    }

    private void writeOnline(int cpu, String value) {
        try {
            write(CPU + "/cpu" + cpu + "/online", value);
        }
        catch (HotplugException e) {
            throw new AssertionError("echo " + value + " > cpu" + cpu + "/online failed with " + e.errno() + ": " + e.getMessage(), e);
        }
    }

    private void assertState(int cpu, int expected, String what) {
        int state = state(cpu);
        if (state != expected) {
            throw new AssertionError("CPU " + cpu + " should be " + what + " (state " + expected + ") but is at state " + state);
        }
    }

    private HotplugException assertFails(int cpu, String value, Errno errno) {
        try {
            write(CPU + "/cpu" + cpu + "/online", value);
        }
        catch (HotplugException e) {
            if (e.errno() != errno) {
                throw new AssertionError("echo " + value + " > cpu" + cpu + "/online failed with " + e.errno() + " instead of " + errno
                        + ": " + e.getMessage(), e);
            }
            return e;
        }
        throw new AssertionError("echo " + value + " > cpu" + cpu + "/online succeeded; expected " + errno);
    }

    /** Loads a driver after boot, as {@code insmod} does (its registration runs on an emulated thread). */
    public void load(HotplugDriver driver) {
        machine.control().loadDriver(driver);
        drivers.put(driver.name(), driver);
    }

    /**
     * Unloads a loaded driver, as {@code rmmod} does, and asserts that its {@code unregister} took
     * down everything it set up through its context, as the machine reports it: states, instances,
     * files, system device handlers, and tracked resources still held on a CPU.
     *
     * @throws AssertionError naming each thing the driver left behind
     */
    public void unload(String name) {
        List<Leftover> leftovers = machine.control().unloadDriver(name);
        drivers.remove(name);
        if (!leftovers.isEmpty()) {
            throw new AssertionError("driver " + name + " left behind after unregister:\n  "
                    + String.join("\n  ", leftovers.stream().map(Leftover::message).toList()));
        }
    }

    /** Returns the command that boots this machine with its loaded drivers in the shell, to replay a failure by hand. */
    public String replayCommand() {
        return spec.replayCommand(drivers.values());
    }

    /** Returns the machine's invariant violations (state machine and resource ledgers); empty when all holds. */
    public List<String> invariantViolations() {
        return machine.control().checkInvariants();
    }

    /** Asserts that every invariant holds. */
    public void assertInvariants() {
        List<String> violations = invariantViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("invariants broken:\n  " + String.join("\n  ", violations));
        }
    }

    public List<String> dmesg() {
        return machine.dmesg();
    }

    /** Returns the trace buffer as {@code /sys/kernel/tracing/trace} shows it. */
    public String trace() {
        return machine.tracing().formatText();
    }

    @Override
    public void close() {
        machine.close();
    }

    @Override
    public String toString() {
        return replayCommand();
    }
}
