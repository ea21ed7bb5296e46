package org.hotplugemu.testkit;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.ForwardingHotplugDriver;
import org.hotplugemu.api.driver.HotplugDriver;

/**
 * Records every hotplug callback of the drivers it {@link #wrap wraps} (state, direction, CPU,
 * instance, the emulated thread and whether interrupts were off) and every registration they
 * make, and can make one callback fail on one CPU. Calls from all machines a recorder wraps drivers
 * for go into one log, in the order they happened.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CallbackRecorder {
    /** Which of a state's callbacks ran. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum Direction {
        STARTUP, TEARDOWN
    }

    /**
     * One callback invocation.
     *
     * @param sequence its position in the log, from 0
     * @param driver the driver's name
     * @param state the state number (the allocated slot for a dynamic state)
     * @param stateName the name the driver registered the state with
     * @param symbol the callback's symbol
     * @param direction startup or teardown
     * @param cpu the CPU it was called for
     * @param instance the instance's name for a multi-instance callback, else null
     * @param thread the emulated thread it ran on, e.g. {@code cpuhp/2}
     * @param irqsOff whether it ran in atomic context (interrupts off)
     * @param injected whether the recorder failed it instead of calling the driver
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Call(long sequence, String driver, int state, String stateName, String symbol, Direction direction, int cpu,
            String instance, String thread, boolean irqsOff, boolean injected) {
    }

    /**
     * One registration call ({@code setupState}, {@code addInstance}, {@code removeState}...).
     *
     * @param driver the driver's name
     * @param method the {@code CpuHotplug} method, e.g. {@code setupMultiState}
     * @param requestedState the state number passed (a dynamic base for dynamic states)
     * @param state the state it concerns (the allocated slot for a dynamic state; -1 when the call failed)
     * @param name the state's name, when the call gives one
     * @param startup the startup symbol, or null
     * @param teardown the teardown symbol, or null
     * @param instance the instance's name for instance calls, else null
     * @param failure the error's text when the call failed, else null
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Registration(String driver, String method, int requestedState, int state, String name, String startup,
            String teardown, String instance, String failure) {
        /** Returns whether it registered a multi-instance state. */
        public boolean multi() {
            return method.equals("setupMultiState");
        }

        /** Returns whether it set a state up (any {@code setup*} call). */
        public boolean setup() {
            return method.startsWith("setup");
        }
    }

    private record Fault(String symbol, int cpu, Errno errno) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<Registration> registrations = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();

    /** Returns {@code driver} with its context's hotplug API recorded; register the result instead. */
    public HotplugDriver wrap(HotplugDriver driver) {
        requireNonNull(driver, "driver is null");
        return new Recorded(driver, this);
    }

    /** A driver whose context's hotplug API goes through a recorder. */
    static final class Recorded extends ForwardingHotplugDriver {
        private final CallbackRecorder recorder;

        Recorded(HotplugDriver driver, CallbackRecorder recorder) {
            super(driver);
            this.recorder = recorder;
        }

        @Override
        protected DriverContext context(DriverContext machine) {
            return new RecordingContext(machine, name(), recorder);
        }
    }

    /**
     * Makes the next call of {@code symbol} on {@code cpu} fail with {@code errno} without calling the
     * driver, as a failing allocation would; the call is recorded with {@code injected} set.
     */
    public synchronized void failNext(String symbol, int cpu, Errno errno) {
        faults.add(new Fault(requireNonNull(symbol, "symbol is null"), cpu, requireNonNull(errno, "errno is null")));
    }

    /** Returns every call so far, oldest first. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Returns the calls of {@code symbol}, oldest first. */
    public List<Call> calls(String symbol) {
        return calls().stream().filter(call -> call.symbol().equals(symbol)).toList();
    }

    /** Returns the symbols called for {@code cpu}, oldest first. */
    public List<String> symbols(int cpu) {
        return calls().stream().filter(call -> call.cpu() == cpu).map(Call::symbol).toList();
    }

    /** Returns every registration call so far, oldest first. */
    public synchronized List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    /** Forgets the calls and registrations recorded so far (not the states they concern). */
    public synchronized void clear() {
        calls.clear();
        registrations.clear();
    }

    /**
     * Asserts that for {@code cpu} the calls of these symbols happened in this order, with no other
     * call of them in between (calls of other symbols are ignored).
     */
    public void assertOrder(int cpu, String... symbols) {
        Set<String> wanted = Set.of(symbols);
        List<String> actual = symbols(cpu).stream().filter(wanted::contains).toList();
        if (!actual.equals(List.of(symbols))) {
            throw new AssertionError("on CPU " + cpu + " expected the calls " + List.of(symbols) + " but they were " + actual);
        }
    }

    /** Asserts that every call of {@code symbol} satisfies {@code rule}, described as {@code ruleText}; also that there was one. */
    public void assertEveryCall(String symbol, String ruleText, Predicate<Call> rule) {
        List<Call> ofSymbol = calls(symbol);
        if (ofSymbol.isEmpty()) {
            throw new AssertionError(symbol + " was never called");
        }
        List<Call> broken = ofSymbol.stream().filter(rule.negate()).toList();
        if (!broken.isEmpty()) {
            throw new AssertionError("calls of " + symbol + " that are not " + ruleText + ":\n  "
                    + String.join("\n  ", broken.stream().map(Call::toString).toList()));
        }
    }

    /** Asserts that every call of {@code symbol} ran on that CPU's hotplug thread {@code cpuhp/N} with interrupts on. */
    public void assertOnHotplugThreads(String symbol) {
        assertEveryCall(symbol, "on their CPU's cpuhp thread with interrupts on",
                call -> call.thread().equals("cpuhp/" + call.cpu()) && !call.irqsOff());
    }

    /** Asserts that every call of {@code symbol} ran with interrupts off (a STARTING or DYING callback). */
    public void assertIrqsOff(String symbol) {
        assertEveryCall(symbol, "with interrupts off", Call::irqsOff);
    }

    /** Records a call; returns the errno to fail it with when a fault was armed for it, else null. */
    synchronized Errno record(String driver, int state, String stateName, String symbol, Direction direction, int cpu, String instance,
            String thread, boolean irqsOff) {
        Fault fault = faults.stream().filter(f -> f.symbol().equals(symbol) && f.cpu() == cpu).findFirst().orElse(null);
        faults.remove(fault);
        calls.add(new Call(calls.size(), driver, state, stateName, symbol, direction, cpu, instance, thread, irqsOff, fault != null));
        return fault == null ? null : fault.errno();
    }

    synchronized void registered(Registration registration) {
        registrations.add(registration);
    }

    /** A dynamic state's callbacks run before {@code setupState} returns its slot: give them the slot. */
    synchronized void renumber(String driver, String stateName, int from, int to) {
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            if (call.driver().equals(driver) && java.util.Objects.equals(call.stateName(), stateName) && call.state() == from) {
                calls.set(i, new Call(call.sequence(), call.driver(), to, call.stateName(), call.symbol(), call.direction(), call.cpu(),
                        call.instance(), call.thread(), call.irqsOff(), call.injected()));
            }
        }
    }

    static HotplugException injectedFailure(String symbol, int cpu, Errno errno) {
        return new HotplugException(errno, symbol + " on CPU " + cpu + " failed by the test's fault injection");
    }
}
