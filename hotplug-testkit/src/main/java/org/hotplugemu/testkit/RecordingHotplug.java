package org.hotplugemu.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.ForwardingCpuHotplug;
import org.hotplugemu.api.driver.CpuMask;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.api.driver.SmpbootThreads;
import org.hotplugemu.testkit.CallbackRecorder.Direction;
import org.hotplugemu.testkit.CallbackRecorder.Registration;

/** The hotplug API of one driver with its callbacks and registration calls recorded. */
final class RecordingHotplug extends ForwardingCpuHotplug {
    private final CpuHotplug inner;
    private final Scheduler scheduler;
    private final String driver;
    private final CallbackRecorder recorder;

    RecordingHotplug(CpuHotplug inner, Scheduler scheduler, String driver, CallbackRecorder recorder) {
        super(inner);
        this.inner = inner;
        this.scheduler = scheduler;
        this.driver = driver;
        this.recorder = recorder;
    }

    @FunctionalInterface
    private interface Setup {
        int run(Callback startup, Callback teardown);
    }

    @FunctionalInterface
    private interface MultiSetup {
        int run(MultiCallback startup, MultiCallback teardown);
    }

    private int setup(String method, int state, String name, Callback startup, Callback teardown, Setup call) {
        AtomicInteger number = new AtomicInteger(state);
        int slot;
        try {
            slot = call.run(wrap(number, name, startup, Direction.STARTUP), wrap(number, name, teardown, Direction.TEARDOWN));
        }
        catch (RuntimeException e) {
            recorder.registered(new Registration(driver, method, state, -1, name, symbol(startup), symbol(teardown), null, e.toString()));
            throw e;
        }
        settle(method, state, name, symbol(startup), symbol(teardown), number, slot);
        return slot;
    }

    private void settle(String method, int state, String name, String startup, String teardown, AtomicInteger number, int slot) {
        int actual = slot > 0 ? slot : state;
        number.set(actual);
        if (actual != state) {
            recorder.renumber(driver, name, state, actual);
        }
        recorder.registered(new Registration(driver, method, state, actual, name, startup, teardown, null, null));
    }

    private Callback wrap(AtomicInteger number, String name, Callback callback, Direction direction) {
        if (callback == null) {
            return null;
        }
        return Callback.of(callback.symbol(), cpu -> {
            Errno fault = recorder.record(driver, number.get(), name, callback.symbol(), direction, cpu, null,
                    scheduler.current().name(), scheduler.inAtomic());
            if (fault != null) {
                throw CallbackRecorder.injectedFailure(callback.symbol(), cpu, fault);
            }
            callback.function().run(cpu);
        });
    }

    private MultiCallback wrap(AtomicInteger number, String name, MultiCallback callback, Direction direction) {
        if (callback == null) {
            return null;
        }
        return MultiCallback.of(callback.symbol(), (cpu, instance) -> {
            Errno fault = recorder.record(driver, number.get(), name, callback.symbol(), direction, cpu, instance.name(),
                    scheduler.current().name(), scheduler.inAtomic());
            if (fault != null) {
                throw CallbackRecorder.injectedFailure(callback.symbol(), cpu, fault);
            }
            callback.function().run(cpu, instance);
        });
    }

    private static String symbol(Callback callback) {
        return callback == null ? null : callback.symbol();
    }

    private static String symbol(MultiCallback callback) {
        return callback == null ? null : callback.symbol();
    }

    @Override
    public int setupState(int state, String name, Callback startup, Callback teardown) {
        return setup("setupState", state, name, startup, teardown, (up, down) -> inner.setupState(state, name, up, down));
    }

    @Override
    public int setupStateNoCalls(int state, String name, Callback startup, Callback teardown) {
        return setup("setupStateNoCalls", state, name, startup, teardown, (up, down) -> inner.setupStateNoCalls(state, name, up, down));
    }

    @Override
    public int setupStateCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return setup("setupStateCpusLocked", state, name, startup, teardown, (up, down) -> inner.setupStateCpusLocked(state, name, up, down));
    }

    @Override
    public int setupStateNoCallsCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return setup("setupStateNoCallsCpusLocked", state, name, startup, teardown,
                (up, down) -> inner.setupStateNoCallsCpusLocked(state, name, up, down));
    }

    @Override
    public int setupMultiState(int state, String name, MultiCallback startup, MultiCallback teardown) {
        AtomicInteger number = new AtomicInteger(state);
        MultiSetup call = (up, down) -> inner.setupMultiState(state, name, up, down);
        int slot;
        try {
            slot = call.run(wrap(number, name, startup, Direction.STARTUP), wrap(number, name, teardown, Direction.TEARDOWN));
        }
        catch (RuntimeException e) {
            recorder.registered(new Registration(driver, "setupMultiState", state, -1, name, symbol(startup), symbol(teardown), null, e.toString()));
            throw e;
        }
        settle("setupMultiState", state, name, symbol(startup), symbol(teardown), number, slot);
        return slot;
    }

    private void instanceCall(String method, int state, HotplugInstance instance, Runnable call) {
        try {
            call.run();
        }
        catch (RuntimeException e) {
            recorder.registered(new Registration(driver, method, state, state, null, null, null, instance.name(), e.toString()));
            throw e;
        }
        recorder.registered(new Registration(driver, method, state, state, null, null, null, instance.name(), null));
    }

    @Override
    public void addInstance(int state, HotplugInstance instance) {
        instanceCall("addInstance", state, instance, () -> inner.addInstance(state, instance));
    }

    @Override
    public void addInstanceNoCalls(int state, HotplugInstance instance) {
        instanceCall("addInstanceNoCalls", state, instance, () -> inner.addInstanceNoCalls(state, instance));
    }

    @Override
    public void removeInstance(int state, HotplugInstance instance) {
        instanceCall("removeInstance", state, instance, () -> inner.removeInstance(state, instance));
    }

    @Override
    public void removeInstanceNoCalls(int state, HotplugInstance instance) {
        instanceCall("removeInstanceNoCalls", state, instance, () -> inner.removeInstanceNoCalls(state, instance));
    }

    private void stateCall(String method, int state, Runnable call) {
        try {
            call.run();
        }
        catch (RuntimeException e) {
            recorder.registered(new Registration(driver, method, state, state, null, null, null, null, e.toString()));
            throw e;
        }
        recorder.registered(new Registration(driver, method, state, state, null, null, null, null, null));
    }

    @Override
    public void removeState(int state) {
        stateCall("removeState", state, () -> inner.removeState(state));
    }

    @Override
    public void removeStateNoCalls(int state) {
        stateCall("removeStateNoCalls", state, () -> inner.removeStateNoCalls(state));
    }

}
