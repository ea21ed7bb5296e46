package org.hotplugemu.testkit;

import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.PerCpuResource;

/** A correct driver with a STARTING state (interrupts off) and a dynamic ONLINE state, each with a per-CPU resource. */
public final class ExampleDriver implements HotplugDriver {
    private int online;
    private int starting;

    @Override
    public String name() {
        return "example";
    }

    @Override
    public void register(DriverContext context) {
        CpuHotplug hotplug = context.hotplug();
        starting = hotplug.state("CPUHP_AP_DUMMY_TIMER_STARTING");
        PerCpuResource timer = context.resources().track(starting, "example_timer");
        hotplug.setupState(starting, "example:starting", Callback.of("example_starting_cpu", timer::acquire),
                Callback.of("example_dying_cpu", timer::release));
        PerCpuResource buffer = context.resources().track("example_buffer");
        online = hotplug.setupState(hotplug.state("CPUHP_AP_ONLINE_DYN"), "example:online",
                Callback.of("example_online_cpu", buffer::acquire), Callback.of("example_offline_cpu", buffer::release));
        buffer.bind(online);
    }

    @Override
    public void unregister(DriverContext context) {
        context.hotplug().removeState(online);
        context.hotplug().removeState(starting);
    }
}
