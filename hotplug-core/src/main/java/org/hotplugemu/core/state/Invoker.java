package org.hotplugemu.core.state;

import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;
import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;
import org.hotplugemu.arch.spi.KernelLog;
import org.hotplugemu.arch.spi.sched.Scheduler;
import org.hotplugemu.core.api.HotplugInstance;
import org.hotplugemu.core.api.MultiCallback;
import org.hotplugemu.core.engine.EngineShutdown;
import org.hotplugemu.core.trace.CpuhpTracepoints;

/**
 * The one walker of the state table ({@code cpuhp_invoke_callback} and
 * {@code cpuhp_invoke_callback_range}): serves up, down, rollback and registration alike.
 */
final class Invoker {
    private final StepTable table;
    private final CpuhpTracepoints trace;
    private final KernelLog log;
    private final Scheduler scheduler;
    /** Virtual nanoseconds one call of a callback symbol costs. */
    private final ToLongFunction<String> callbackCost;
    private final Masks masks;

    Invoker(StepTable table, CpuhpTracepoints trace, KernelLog log, Scheduler scheduler, ToLongFunction<String> callbackCost, Masks masks) {
        this.table = table;
        this.trace = trace;
        this.log = log;
        this.scheduler = scheduler;
        this.callbackCost = callbackCost;
        this.masks = masks;
    }

    StepTable table() {
        return table;
    }

    CpuhpTracepoints trace() {
        return trace;
    }

    /**
     * Invokes the callback of {@code state} in one direction for {@code cpu}. With {@code node} only
     * that instance is called; with {@code useLast} a failing instance is remembered in
     * {@code st.last} instead of being rolled back here (AP walks).
     *
     * @return 0 or a negative errno
     */
    int invoke(CpuState st, int state, boolean bringup, HotplugInstance node, boolean useLast) {
        Step step = table.get(state);
        if (st.fail == state) {
            st.fail = CpuState.FAIL_DISARMED;
            noteFailure(st, "state " + state + " failed by fail injection (hotplug/fail)");
            return -Errno.EAGAIN.number();
        }
        if (step.empty(bringup)) {
            return 0;
        }
        if (!step.multiInstance) {
            var callback = bringup ? step.startup : step.teardown;
            trace.enter(st.cpu, st.target, state, callback.symbol());
            int ret = call(st, callback.symbol(), () -> callback.function().run(st.cpu));
            trace.exit(st.cpu, st.state, state, ret);
            return ret;
        }
        MultiCallback callback = bringup ? step.startupMulti : step.teardownMulti;
        if (node != null) {
            return invokeInstance(st, state, callback, node);
        }
        List<HotplugInstance> instances = step.instances();
        int done = 0;
        for (HotplugInstance instance : instances) {
            if (useLast && st.lastSet && instance == st.last) {
                break;
            }
            int ret = invokeInstance(st, state, callback, instance);
            if (ret != 0) {
                if (useLast) {
                    st.last = instance;
                    st.lastSet = true;
                    return ret;
                }
                rollbackInstances(st, state, !bringup, instances, done);
                return ret;
            }
            done++;
        }
        if (useLast) {
            st.last = null;
            st.lastSet = false;
        }
        return 0;
    }

    private void rollbackInstances(CpuState st, int state, boolean direction, List<HotplugInstance> instances, int count) {
        Step step = table.get(state);
        MultiCallback undo = direction ? step.startupMulti : step.teardownMulti;
        if (undo == null) {
            return;
        }
        for (int i = 0; i < count; i++) {
            int ret = invokeInstance(st, state, undo, instances.get(i));
            if (ret != 0) {
                log.warn("WARNING: CPU " + st.cpu + " state " + step.name + " (" + state + ") instance rollback failed (" + ret + ")");
            }
        }
    }

    private int invokeInstance(CpuState st, int state, MultiCallback callback, HotplugInstance instance) {
        trace.multiEnter(st.cpu, st.target, state, callback.symbol());
        int ret = call(st, callback.symbol(), () -> callback.function().run(st.cpu, instance));
        trace.exit(st.cpu, st.state, state, ret);
        return ret;
    }

    /**
     * Spends the virtual time the cost model gives a pseudo symbol that is not a callback, e.g.
     * {@code cpu_device_up}: what an operation costs around its callbacks (the hotplug lock's RCU
     * grace period, the device core).
     */
    void charge(String symbol) {
        long cost = callbackCost.applyAsLong(symbol);
        if (cost > 0) {
            scheduler.delay(Duration.ofNanos(cost));
        }
    }

    /** Runs one callback body, mapping what it throws to a kernel return value. */
    private int call(CpuState st, String symbol, Runnable body) {
        long cost = callbackCost.applyAsLong(symbol);
        if (cost > 0) {
            // The callback's own cost, and a scheduling point before it: other threads may run here.
            scheduler.delay(Duration.ofNanos(cost));
        }
        String previous = CallbackGuard.enter(symbol);
        try {
            body.run();
            return 0;
        }
        catch (HotplugException e) {
            noteFailure(st, symbol + ": " + e.getMessage());
            return e.returnValue();
        }
        catch (Throwable e) {
            // Anything a callback throws, Errors included, is a failed step: never a wedged CPU.
            EngineShutdown.rethrowIfUnwinding(e);
            log.error("cpuhp: callback " + symbol + " failed with " + e + "; treated as -EIO");
            noteFailure(st, symbol + " threw " + e);
            return -Errno.EIO.number();
        }
        finally {
            CallbackGuard.exit(previous);
        }
    }

    private static void noteFailure(CpuState st, String message) {
        if (st.failure == null) {
            st.failure = message;
        }
    }

    /**
     * {@code cpuhp_next_state}: advances {@code st.state} one step towards {@code target}, skipping
     * steps with no callback in that direction.
     *
     * @return the state whose callback is to run, or -1 when the target is reached
     */
    int nextState(CpuState st, boolean bringup, int target) {
        while (true) {
            int toRun;
            if (bringup) {
                if (st.state >= target) {
                    return -1;
                }
                toRun = ++st.state;
            }
            else {
                if (st.state <= target) {
                    return -1;
                }
                toRun = st.state--;
            }
            if (!table.get(toRun).empty(bringup)) {
                return toRun;
            }
        }
    }

    /** {@code cpuhp_invoke_callback_range}: walks to {@code target}, stopping at the first failure. */
    int invokeRange(CpuState st, boolean bringup, int target) {
        int state;
        while ((state = nextState(st, bringup, target)) >= 0) {
            int ret = invoke(st, state, bringup, null, false);
            if (ret != 0) {
                return ret;
            }
        }
        return 0;
    }

    /** {@code cpuhp_invoke_callback_range_nofail}: STARTING/DYING walks, where failures are logged and ignored. */
    void invokeRangeNoFail(CpuState st, boolean bringup, int target) {
        int state;
        while ((state = nextState(st, bringup, target)) >= 0) {
            int ret = invoke(st, state, bringup, null, false);
            if (ret != 0) {
                log.warn(String.format("CPU %d %s state %s (%d) failed (%d)", st.cpu, bringup ? "UP" : "DOWN",
                        table.get(st.state).name, st.state, ret));
            }
        }
    }

    /** {@code cpuhp_set_state}: starts an operation towards {@code target}; returns the previous state. */
    int setState(CpuState st, int target) {
        int previous = st.state;
        boolean bringup = st.state < target;
        st.rollback = false;
        st.last = null;
        st.lastSet = false;
        st.target = target;
        st.single = false;
        st.bringup = bringup;
        masks.setDying(st.cpu, !bringup);
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
        if (!st.lastSet) {
            if (st.bringup) {
                st.state--;
            }
            else {
                st.state++;
            }
        }
        st.bringup = bringup;
        masks.setDying(st.cpu, !bringup);
    }
}
