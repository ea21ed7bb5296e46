package org.hotplugemu.testkit;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.testkit.CallbackRecorder.Call;
import org.hotplugemu.testkit.CallbackRecorder.Direction;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * Fail-at-every-step cases as JUnit dynamic tests, each on a fresh machine: every state with a
 * callback × direction × CPU through the kernel's {@code cpuN/hotplug/fail}, and every CPU of a
 * driver's registration (its {@code setupState} or {@code addInstance} startups) through a
 * {@link CallbackRecorder} fault. Each case asserts that the operation fails with the injected
 * errno, that the walk rolled back (the CPU where it was; the startups that ran torn down again),
 * that every invariant holds, and that the machine still works; then runs the caller's checks.
 * Return the stream from a {@code @TestFactory} method.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FailAtEveryStep {
    private FailAtEveryStep() {
    }

    /**
     * One injected hotplug step failure.
     *
     * @param state the state that fails
     * @param name its name in {@code hotplug/states}
     * @param direction {@code STARTUP} fails bringing the CPU online, {@code TEARDOWN} taking it offline
     * @param cpu the CPU
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record StepFailure(int state, String name, Direction direction, int cpu) {
        @Override
        public String toString() {
            return (direction == Direction.STARTUP ? "online" : "offline") + " CPU " + cpu + " failing at " + state + " " + name;
        }
    }

    /**
     * Returns every step failure the kernel accepts on {@code probe} (whose CPUs must all be online):
     * for each hot-pluggable CPU and named state, whether {@code cpuN/hotplug/fail} takes it while
     * the CPU is up (teardown) and while it is down (startup). The probe ends as it began.
     */
    public static List<StepFailure> stepFailures(TestMachine probe) {
        List<StepFailure> cases = new ArrayList<>();
        List<String[]> states = probe.read(TestMachine.CPU + "/hotplug/states").lines()
                .map(line -> line.strip().split(":\\s*", 2)).toList();
        for (int cpu = 0; cpu < probe.machine().cpus(); cpu++) {
            if (!probe.machine().exists(TestMachine.CPU + "/cpu" + cpu + "/online")) {
                continue;
            }
            addAccepted(probe, cpu, states, Direction.TEARDOWN, cases);
            probe.offline(cpu);
            addAccepted(probe, cpu, states, Direction.STARTUP, cases);
            probe.online(cpu);
        }
        return cases;
    }

    private static void addAccepted(TestMachine probe, int cpu, List<String[]> states, Direction direction, List<StepFailure> cases) {
        String fail = TestMachine.CPU + "/cpu" + cpu + "/hotplug/fail";
        for (String[] state : states) {
            try {
                probe.write(fail, state[0]);
            }
            catch (HotplugException e) {
                continue;
            }
            probe.write(fail, "-1");
            cases.add(new StepFailure(Integer.parseInt(state[0]), state[1], direction, cpu));
        }
    }

    /**
     * Returns one dynamic test per {@link #stepFailures step failure}, each on a machine from
     * {@code fresh}. A case whose state has no callback in its direction is aborted (reported
     * skipped), since the kernel never reaches the fail check there.
     *
     * @param check more assertions on the machine after the failed operation (e.g. on a recorder)
     */
    public static Stream<DynamicTest> hotplugSteps(Supplier<TestMachine> fresh, Consumer<TestMachine> check) {
        requireNonNull(check, "check is null");
        List<StepFailure> cases;
        try (TestMachine probe = fresh.get()) {
            cases = stepFailures(probe);
        }
        return cases.stream().map(step -> DynamicTest.dynamicTest(step.toString(), () -> {
            try (TestMachine machine = fresh.get()) {
                runStep(machine, step);
                check.accept(machine);
            }
        }));
    }

    private static void runStep(TestMachine machine, StepFailure step) {
        int cpu = step.cpu();
        boolean up = step.direction() == Direction.STARTUP;
        if (up) {
            machine.offline(cpu);
        }
        int before = machine.state(cpu);
        String fail = TestMachine.CPU + "/cpu" + cpu + "/hotplug/fail";
        machine.write(fail, Integer.toString(step.state()));
        try {
            machine.write(TestMachine.CPU + "/cpu" + cpu + "/online", up ? "1" : "0");
        }
        catch (HotplugException e) {
            if (e.errno() != Errno.EAGAIN) {
                throw new AssertionError(step + ": failed with " + e.errno() + " instead of the injected EAGAIN: " + e.getMessage(), e);
            }
            settleAndCheck(machine, step, before);
            return;
        }
        if (machine.readLine(fail).equals(Integer.toString(step.state()))) {
            machine.write(fail, "-1");
            throw new TestAbortedException(step + ": the state has no " + step.direction().name().toLowerCase() + " callback");
        }
        throw new AssertionError(step + ": the operation succeeded although the fail injection fired");
    }

    private static void settleAndCheck(TestMachine machine, StepFailure step, int before) {
        machine.settle();
        if (machine.state(step.cpu()) != before) {
            throw new AssertionError(step + ": CPU " + step.cpu() + " did not roll back to state " + before + "; it is at " + machine.state(step.cpu()));
        }
        machine.assertInvariants();
        // The failure must not wedge the CPU: the same operation works once the injection is spent.
        if (step.direction() == Direction.STARTUP) {
            machine.online(step.cpu());
        }
        else {
            machine.offline(step.cpu());
            machine.online(step.cpu());
        }
        machine.assertInvariants();
    }

    /**
     * Returns one dynamic test per online CPU of {@code fresh}'s machine: the driver from
     * {@code driver} is loaded while {@code symbol} (a startup it calls from a {@code setupState} or
     * {@code addInstance} in its register) fails with ENOMEM on that CPU. The load may fail or the
     * driver may tolerate the error; either way every CPU whose startup ran must see the matching
     * teardown before the load returns, nothing may stay half set up, and the invariants hold.
     *
     * @param check more assertions on the machine and the recorder after the load
     */
    public static Stream<DynamicTest> registration(Supplier<TestMachine> fresh, Supplier<HotplugDriver> driver, String symbol,
            Function<TestMachine, List<Integer>> cpus, RegistrationCheck check) {
        requireNonNull(symbol, "symbol is null");
        List<Integer> targets;
        try (TestMachine probe = fresh.get()) {
            targets = cpus.apply(probe);
        }
        return targets.stream().map(cpu -> DynamicTest.dynamicTest(symbol + " failing on CPU " + cpu, () -> {
            try (TestMachine machine = fresh.get()) {
                CallbackRecorder recorder = new CallbackRecorder();
                recorder.failNext(symbol, cpu, Errno.ENOMEM);
                HotplugDriver wrapped = recorder.wrap(driver.get());
                try {
                    machine.load(wrapped);
                }
                catch (HotplugException e) {
                    if (e.errno() != Errno.ENOMEM) {
                        throw new AssertionError("loading failed with " + e.errno() + " instead of the injected ENOMEM: " + e.getMessage(), e);
                    }
                }
                assertRolledBack(recorder, symbol, cpu);
                machine.assertInvariants();
                check.accept(machine, recorder);
            }
        }));
    }

    /** Returns the online CPUs of a machine, for {@link #registration}. */
    public static List<Integer> onlineCpus(TestMachine machine) {
        List<Integer> online = new ArrayList<>();
        for (int cpu = 0; cpu < machine.machine().cpus(); cpu++) {
            if (machine.state(cpu) == machine.onlineState()) {
                online.add(cpu);
            }
        }
        return online;
    }

    private static void assertRolledBack(CallbackRecorder recorder, String symbol, int cpu) {
        List<Call> startups = recorder.calls(symbol);
        Call failed = startups.stream().filter(Call::injected).findFirst()
                .orElseThrow(() -> new AssertionError(symbol + " was never called on CPU " + cpu + ", so the fault did not fire"));
        String teardown = recorder.registrations().stream()
                .filter(r -> symbol.equals(r.startup())).map(CallbackRecorder.Registration::teardown).findFirst().orElse(null);
        if (teardown == null) {
            return; // a state without teardown has nothing to roll back
        }
        for (Call startup : startups) {
            if (startup.injected() || startup.sequence() > failed.sequence() || startup.state() != failed.state()
                    || !java.util.Objects.equals(startup.instance(), failed.instance())) {
                continue;
            }
            boolean tornDown = recorder.calls(teardown).stream().anyMatch(call -> call.cpu() == startup.cpu() && call.sequence() > failed.sequence()
                    && call.state() == startup.state() && java.util.Objects.equals(call.instance(), startup.instance()));
            if (!tornDown) {
                throw new AssertionError(symbol + " failing on CPU " + cpu + ": CPU " + startup.cpu() + " ran the startup but not " + teardown + " in the rollback");
            }
        }
    }

    /** More assertions after a failed registration. */
    @FunctionalInterface
    @API(status = EXPERIMENTAL, since = "0.1")
    public interface RegistrationCheck {
        void accept(TestMachine machine, CallbackRecorder recorder);
    }
}
