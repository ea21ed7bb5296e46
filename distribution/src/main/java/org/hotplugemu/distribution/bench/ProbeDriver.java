package org.hotplugemu.distribution.bench;

import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.engine.Engine;

/**
 * A driver loaded after boot that looks inside the machine: it keeps the machine's engine (for its
 * switch counter) and, when asked, times {@code cpuhp_setup_state} of a dynamic ONLINE state with
 * an empty startup over every online CPU.
 */
final class ProbeDriver implements HotplugDriver {
    private final String name;
    private final boolean setupState;
    private Engine engine;
    private long setupStateNanos = -1;

    private ProbeDriver(String name, boolean setupState) {
        this.name = name;
        this.setupState = setupState;
    }

    /** A driver that only captures the engine. */
    static ProbeDriver engineProbe() {
        return new ProbeDriver("bench_engine", false);
    }

    /** A driver whose registration times one setup_state over the online CPUs. */
    static ProbeDriver setupStateProbe() {
        return new ProbeDriver("bench_setup_state", true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void register(DriverContext context) {
        Scheduler scheduler = context.scheduler();
        engine = scheduler instanceof Engine e ? e : null;
        if (setupState) {
            int online = context.hotplug().state("CPUHP_AP_ONLINE_DYN");
            long start = System.nanoTime();
            context.hotplug().setupState(online, "bench:online", Callback.of("bench_online", cpu -> { }), null);
            setupStateNanos = System.nanoTime() - start;
        }
    }

    /** Returns the machine's engine switch count, or -1 when the scheduler is not an engine. */
    long switches() {
        return engine == null ? -1 : engine.switches();
    }

    /** Returns the wall-clock nanoseconds setup_state took, or -1 before registration. */
    long setupStateNanos() {
        return setupStateNanos;
    }
}
