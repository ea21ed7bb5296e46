package com.example.hotplug;

import java.util.concurrent.atomic.AtomicLongArray;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.PerCpuResource;

/** A third-party driver example (created by {@link PacketCacheDriverProvider}): a per-CPU packet cache set up when a CPU comes online, freed before it goes down. */
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
        // The dynamic slot is known only once setupState returns: track first, bind after.
        PerCpuResource cache = context.resources().track("packet_cache");
        state = context.hotplug().setupState(dyn, "example/packet_cache:online",
                Callback.of("packet_cache_online", cpu -> {
                    cacheSize.set(cpu, 64);
                    cache.acquire(cpu);
                }),
                Callback.of("packet_cache_offline", cpu -> {
                    cacheSize.set(cpu, 0);
                    cache.release(cpu);
                }));
        cache.bind(state);
        context.log().info("example: packet cache on state " + state);
    }

    @Override
    public void unregister(DriverContext context) {
        context.hotplug().removeState(state);
    }
}
