package org.hotplugemu.core.state;

import org.hotplugemu.core.engine.CallChain;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.core.engine.EngineShutdown;
import org.hotplugemu.core.trace.CpuhpTracepoints;
import org.hotplugemu.core.engine.PluginLoaderScope;

/**
 * The one walker of the state table ({@code cpuhp_invoke_callback} and
 * {@code cpuhp_invoke_callback_range}): serves up, down, rollback and registration alike. It is
 * also the edge where plugin code meets the core: whatever a callback throws becomes an
 * {@link Outcome}.
 */
final class Invoker {
    private final CpuhpState state;
    private final CpuhpTracepoints trace;
    /** Virtual nanoseconds one call of a callback symbol costs. */
    private final ToLongFunction<String> callbackCost;

    Invoker(CpuhpState state, CpuhpTracepoints trace, ToLongFunction<String> callbackCost) {
        this.state = state;
        this.trace = trace;
        this.callbackCost = callbackCost;
    }

    CpuhpTracepoints trace() {
        return trace;
    }

    /**
     * Invokes the callback of {@code number} in one direction for {@code st}'s CPU. With
     * {@code node} only that instance is called; with {@code useLast} a failing instance is
     * remembered in {@code st.last} instead of being rolled back here (AP walks).
     */
    Outcome invoke(CpuState st, int number, boolean bringup, HotplugInstance node, boolean useLast) {
        Step step = state.table().get(number);
        if (st.fail == number) {
            st.fail = CpuState.FAIL_DISARMED;
            return Outcome.failure(Errno.EAGAIN, "state " + number + " failed by fail injection (hotplug/fail)");
        }
        if (step.empty(bringup)) {
            return Outcome.OK;
        }
        if (!step.multiInstance) {
            var callback = bringup ? step.startup : step.teardown;
            trace.enter(st.cpu, st.target, number, callback.symbol());
            Outcome outcome = call(callback.symbol(), callback.function(), () -> callback.function().run(st.cpu));
            trace.exit(st.cpu, st.state, number, outcome.returnValue());
            return outcome;
        }
        MultiCallback callback = bringup ? step.startupMulti : step.teardownMulti;
        if (node != null) {
            return invokeInstance(st, number, callback, node);
        }
        List<HotplugInstance> instances = step.instances();
        int done = 0;
        for (HotplugInstance instance : instances) {
            if (useLast && instance == st.last) {
                break;
            }
            Outcome outcome = invokeInstance(st, number, callback, instance);
            if (outcome.failed()) {
                if (useLast) {
                    st.last = instance;
                    return outcome;
                }
                rollbackInstances(st, number, !bringup, instances, done);
                return outcome;
            }
            done++;
        }
        if (useLast) {
            st.last = null;
        }
        return Outcome.OK;
    }

    private void rollbackInstances(CpuState st, int number, boolean direction, List<HotplugInstance> instances, int count) {
        Step step = state.table().get(number);
        MultiCallback undo = direction ? step.startupMulti : step.teardownMulti;
        if (undo == null) {
            return;
        }
        for (int i = 0; i < count; i++) {
            Outcome outcome = invokeInstance(st, number, undo, instances.get(i));
            if (outcome.failed()) {
                state.log().warn("WARNING: CPU " + st.cpu + " state " + step.name + " (" + number + ") instance rollback failed ("
                        + outcome.returnValue() + ")");
            }
        }
    }

    private Outcome invokeInstance(CpuState st, int number, MultiCallback callback, HotplugInstance instance) {
        trace.multiEnter(st.cpu, st.target, number, callback.symbol());
        Outcome outcome = call(callback.symbol(), callback.function(), () -> callback.function().run(st.cpu, instance));
        trace.exit(st.cpu, st.state, number, outcome.returnValue());
        return outcome;
    }

    /**
     * Spends the virtual time the cost model gives a pseudo symbol that is not a callback, e.g.
     * {@code cpu_device_up}: what an operation costs around its callbacks (the hotplug lock's RCU
     * grace period, the device core).
     */
    void charge(String symbol) {
        long cost = callbackCost.applyAsLong(symbol);
        if (cost > 0) {
            state.scheduler().delay(Duration.ofNanos(cost));
        }
    }

    /**
     * Runs {@code body}, the callback {@code code}, with {@code code}'s class loader as the thread's
     * context loader; anything it throws, Errors included, is a failed step, never a wedged CPU.
     */
    private Outcome call(String symbol, Object code, Runnable body) {
        long cost = callbackCost.applyAsLong(symbol);
        if (cost > 0) {
            // The callback's own cost, and a scheduling point before it: other threads may run here.
            state.scheduler().delay(Duration.ofNanos(cost));
        }
        String previous = CallbackGuard.enter(symbol);
        CallChain.enter("cpuhp_invoke_callback");
        CallChain.enter(symbol);
        try (PluginLoaderScope plugin = PluginLoaderScope.of(code)) {
            body.run();
            return Outcome.OK;
        }
        catch (HotplugException e) {
            return Outcome.failure(e.errno(), symbol + ": " + e.getMessage());
        }
        catch (Throwable e) {
            EngineShutdown.rethrowIfUnwinding(e);
            state.log().error("cpuhp: callback " + symbol + " failed with " + e + "; treated as -EIO");
            return Outcome.failure(Errno.EIO, symbol + " threw " + e);
        }
        finally {
            CallChain.exit();
            CallChain.exit();
            CallbackGuard.exit(previous);
        }
    }

    /**
     * {@code cpuhp_next_state}: advances {@code st.state} one step towards {@code target}, skipping
     * steps with no callback in that direction.
     *
     * @return the state whose callback is to run, or -1 when the target is reached
     */
    int nextState(CpuState st, boolean bringup, int target) {
        // st.state is volatile for its readers elsewhere; walk the empty steps in a local and store once.
        StepTable table = state.table();
        int at = st.state;
        int toRun = -1;
        while (toRun < 0) {
            if (bringup ? at >= target : at <= target) {
                break;
            }
            int next = bringup ? ++at : at--;
            if (!table.get(next).empty(bringup)) {
                toRun = next;
            }
        }
        if (at != st.state) {
            st.state = at;
        }
        return toRun;
    }

    /**
     * {@code cpuhp_invoke_callback_range}: walks to {@code target}. It stops at the first failure,
     * or with {@code nofail} (STARTING and DYING walks, which cannot fail) logs it and goes on.
     */
    Outcome invokeRange(CpuState st, boolean bringup, int target, boolean nofail) {
        int number;
        while ((number = nextState(st, bringup, target)) >= 0) {
            Outcome outcome = invoke(st, number, bringup, null, false);
            if (outcome.failed()) {
                if (!nofail) {
                    return outcome;
                }
                state.log().warn(String.format("CPU %d %s state %s (%d) failed (%d)", st.cpu, bringup ? "UP" : "DOWN",
                        state.table().get(st.state).name, st.state, outcome.returnValue()));
            }
        }
        return Outcome.OK;
    }

    /** {@code cpuhp_set_state}: starts an operation towards {@code target}; returns the previous state. */
    int setState(CpuState st, int target) {
        int previous = st.state;
        boolean bringup = st.state < target;
        st.rollback = false;
        st.last = null;
        st.target = target;
        st.single = false;
        st.bringup = bringup;
        state.masks().setDying(st.cpu, !bringup);
        return previous;
    }

    /** {@code cpuhp_reset_state}: turns the operation into a rollback to {@code previous}. */
    void resetState(CpuState st, int previous) {
        boolean bringup = !st.bringup;
        st.target = previous;
        if (st.rollback) {
            return;
        }
        st.rollback = true;
        // With st.last set, the partial multi-instance step is undone first; otherwise start at the previous state.
        if (st.last == null) {
            if (st.bringup) {
                st.state--;
            }
            else {
                st.state++;
            }
        }
        st.bringup = bringup;
        state.masks().setDying(st.cpu, !bringup);
    }
}
