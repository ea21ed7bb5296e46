package org.hotplugemu.distribution.explore;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.ForwardingCpuHotplug;
import org.hotplugemu.api.driver.CpuMask;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.api.driver.SmpbootThreads;

/**
 * The hotplug API with the calls that invoke a startup on every CPU (a state's setup, static or
 * dynamic, and an instance add) routed through a {@link RegistrationRecorder}; everything else
 * passes straight through.
 */
final class InterceptingHotplug extends ForwardingCpuHotplug {
    private final CpuHotplug inner;
    private final RegistrationRecorder recorder;
    private final Map<Integer, String> multiNames = new HashMap<>();
    private final Map<Integer, Boolean> multiTeardowns = new HashMap<>();
    private final Map<Integer, Boolean> multiStartups = new HashMap<>();

    InterceptingHotplug(CpuHotplug inner, RegistrationRecorder recorder) {
        super(inner);
        this.inner = inner;
        this.recorder = recorder;
    }

    private boolean dynamic(int state) {
        OptionalInt online = inner.findState("CPUHP_AP_ONLINE_DYN");
        OptionalInt prepare = inner.findState("CPUHP_BP_PREPARE_DYN");
        return online.isPresent() && online.getAsInt() == state || prepare.isPresent() && prepare.getAsInt() == state;
    }

    private boolean atomic(int state) {
        OptionalInt idleDead = inner.findState("CPUHP_AP_IDLE_DEAD");
        OptionalInt apOnline = inner.findState("CPUHP_AP_ONLINE");
        return idleDead.isPresent() && apOnline.isPresent() && state >= idleDead.getAsInt() && state < apOnline.getAsInt();
    }

    private Callback startup(Callback callback) {
        return callback == null ? null : Callback.of(callback.symbol(), cpu -> {
            recorder.startup(cpu);
            callback.function().run(cpu);
        });
    }

    private Callback teardown(Callback callback) {
        return callback == null ? null : Callback.of(callback.symbol(), cpu -> {
            recorder.teardown(cpu);
            callback.function().run(cpu);
        });
    }

    private int setup(int state, String name, Callback startup, Callback teardown, boolean cpusLocked) {
        if (startup == null || atomic(state)) {
            // STARTING callbacks run with interrupts off where the kernel's hotplug/fail cannot reach either.
            return cpusLocked ? inner.setupStateCpusLocked(state, name, startup, teardown) : inner.setupState(state, name, startup, teardown);
        }
        recorder.begin(dynamic(state) ? "dynamic" : "static", name, teardown != null);
        try {
            Callback up = startup(startup);
            Callback down = teardown(teardown);
            return cpusLocked ? inner.setupStateCpusLocked(state, name, up, down) : inner.setupState(state, name, up, down);
        } finally {
            recorder.end();
        }
    }

    @Override
    public int setupState(int state, String name, Callback startup, Callback teardown) {
        return setup(state, name, startup, teardown, false);
    }

    @Override
    public int setupStateCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return setup(state, name, startup, teardown, true);
    }

    @Override
    public int setupMultiState(int state, String name, MultiCallback startup, MultiCallback teardown) {
        MultiCallback up = startup == null ? null : MultiCallback.of(startup.symbol(), (cpu, instance) -> {
            recorder.startup(cpu);
            startup.function().run(cpu, instance);
        });
        MultiCallback down = teardown == null ? null : MultiCallback.of(teardown.symbol(), (cpu, instance) -> {
            recorder.teardown(cpu);
            teardown.function().run(cpu, instance);
        });
        int result = inner.setupMultiState(state, name, up, down);
        int slot = dynamic(state) ? result : state;
        multiNames.put(slot, name);
        multiTeardowns.put(slot, teardown != null);
        multiStartups.put(slot, startup != null && !atomic(slot));
        return result;
    }

    @Override
    public void addInstance(int state, HotplugInstance instance) {
        if (!multiStartups.getOrDefault(state, false)) {
            inner.addInstance(state, instance);
            return;
        }
        recorder.begin("instance", multiNames.getOrDefault(state, "state " + state) + " instance " + instance.name(),
                multiTeardowns.getOrDefault(state, true));
        try {
            inner.addInstance(state, instance);
        } finally {
            recorder.end();
        }
    }

}
