package com.example.hotplug;

import com.google.auto.service.AutoService;
import java.util.concurrent.atomic.AtomicLongArray;
import org.hotplugemu.core.api.Callback;
import org.hotplugemu.core.api.DriverContext;
import org.hotplugemu.core.api.HotplugDriver;
import org.hotplugemu.core.api.PerCpuResource;

/** A third-party driver example: a per-CPU packet cache set up when a CPU comes online, freed before it goes down. */
@AutoService(HotplugDriver.class)
public final class PacketCacheDriver implements HotplugDriver {
    private int state;

    @Override
    public String name() {
        return "example-packet-cache";
    }

    @Override
    public void register(DriverContext context) {
        int cpus = context.hotplug().nrCpuIds();
        AtomicLongArray cacheSize = new AtomicLongArray(cpus);
        int dyn = context.hotplug().state("CPUHP_AP_ONLINE_DYN");
        // Take the slot without calls first: the tracker needs the state number before any startup runs.
        state = context.hotplug().setupStateNoCalls(dyn, "example/packet_cache:online", null, null);
        context.hotplug().removeStateNoCalls(state);
        PerCpuResource cache = context.resources().track(state, "packet_cache");
        int slot = context.hotplug().setupState(dyn, "example/packet_cache:online",
                Callback.of("packet_cache_online", cpu -> {
                    cacheSize.set(cpu, 64);
                    cache.acquire(cpu);
                }),
                Callback.of("packet_cache_offline", cpu -> {
                    cacheSize.set(cpu, 0);
                    cache.release(cpu);
                }));
        if (slot != state) {
            throw new IllegalStateException("dynamic slot moved from " + state + " to " + slot);
        }
        context.log().info("example: packet cache on state " + state);
    }

    @Override
    public void unregister(DriverContext context) {
        context.hotplug().removeState(state);
    }
}
