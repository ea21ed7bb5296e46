package org.hotplugemu.core.state;

import org.hotplugemu.core.engine.CallChain;
import org.hotplugemu.core.engine.LockMap;
import org.hotplugemu.core.smpboot.KThread;

/**
 * The {@code cpuhp/N} threads and their protocol with the control CPU: {@code cpuhp_kick_ap},
 * {@code __cpuhp_kick_ap} and {@code cpuhp_thread_fun}. The control thread sets the CPU's
 * operation up, wakes {@code cpuhp/N} and waits on a completion; the thread walks the ONLINE
 * (and, at registration, STARTING) steps on its own CPU.
 */
final class HotplugThreads {
    private final CpuhpState state;
    private final Invoker invoker;

    HotplugThreads(CpuhpState state, Invoker invoker) {
        this.state = state;
        this.invoker = invoker;
    }

    /** Creates {@code cpuhp/N}, parked, unless it exists. */
    void create(int cpu) {
        CpuState st = state.cpu(cpu);
        if (st.thread == null) {
            st.thread = new KThread(state.scheduler(), state.log(), "cpuhp/" + cpu, cpu, c -> st.shouldRun, this::threadFun,
                    c -> { }, c -> { });
        }
    }

    /** {@code cpuhp_kick_ap_work}: traced as a step of its own, from the previous state to the final one. */
    Outcome kickApWork(CpuState st) {
        int previous = st.state;
        CallChain.enter("cpuhp_kick_ap_work");
        try {
            state.touchCpuhpMaps();
            invoker.trace().enter(st.cpu, st.target, previous, "cpuhp_kick_ap_work");
            Outcome outcome = kickAp(st, st.target);
            invoker.trace().exit(st.cpu, st.state, previous, outcome.returnValue());
            return outcome;
        }
        finally {
            CallChain.exit();
        }
    }

    /** {@code cpuhp_kick_ap}: lets {@code cpuhp/N} walk to {@code target}, and back on failure. */
    Outcome kickAp(CpuState st, int target) {
        int previous = invoker.setState(st, target);
        kick(st);
        Outcome outcome = st.result;
        if (outcome.failed()) {
            invoker.resetState(st, previous);
            kick(st);
        }
        return outcome;
    }

    /** {@code __cpuhp_kick_ap}: wakes {@code cpuhp/N} and waits until it is done. */
    void kick(CpuState st) {
        if (!st.single && st.state == st.target) {
            return;
        }
        st.result = Outcome.OK;
        st.shouldRun = true;
        st.thread.wake();
        (st.bringup ? st.doneUp : st.doneDown).await();
    }

    /** {@code cpuhp_thread_fun}: one step of the hotplug thread's walk. */
    private void threadFun(int cpu) {
        CpuState st = state.cpu(cpu);
        boolean bringup = st.bringup;
        LockMap map = state.cpuhpMap(bringup);
        CallChain.enter("cpuhp_thread_fun");
        map.acquire();
        try {
            threadFun(st, bringup);
        }
        finally {
            map.release();
            CallChain.exit();
        }
    }

    private void threadFun(CpuState st, boolean bringup) {
        int cpu = st.cpu;
        int number;
        if (st.single) {
            number = st.cbState;
            st.shouldRun = false;
        }
        else {
            number = invoker.nextState(st, bringup, st.target);
            st.shouldRun = number >= 0;
        }
        if (number >= 0) {
            boolean atomic = state.profile().isAtomicState(number);
            if (atomic) {
                state.scheduler().enterAtomic();
            }
            try {
                st.result = invoker.invoke(st, number, bringup, st.node, true);
            }
            finally {
                if (atomic) {
                    state.scheduler().exitAtomic();
                }
            }
            if (st.result.failed()) {
                if (atomic) {
                    state.log().warn("WARNING: CPU " + cpu + " STARTING/DYING state " + number + " failed (" + st.result.returnValue() + ")");
                }
                if (st.rollback) {
                    state.log().warn("WARNING: CPU " + cpu + " failed during rollback at state " + number + " (" + st.result.returnValue() + ")");
                }
                st.shouldRun = false;
            }
        }
        if (!st.shouldRun) {
            (bringup ? st.doneUp : st.doneDown).complete();
        }
    }
}
