package com.example.hotplug;

import com.google.auto.service.AutoService;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;

/** The third-party example's entry point: a new packet cache driver for each machine. */
@AutoService(HotplugDriverProvider.class)
public final class PacketCacheDriverProvider implements HotplugDriverProvider {
    @Override
    public String name() {
        return "example-packet-cache";
    }

    @Override
    public HotplugDriver create() {
        return new PacketCacheDriver();
    }
}
