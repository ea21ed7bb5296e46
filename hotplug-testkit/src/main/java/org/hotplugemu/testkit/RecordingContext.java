package org.hotplugemu.testkit;

import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.ForwardingDriverContext;

/** A driver's context whose hotplug API goes through a {@link CallbackRecorder}; everything else is the machine's. */
final class RecordingContext extends ForwardingDriverContext {
    private final CpuHotplug hotplug;

    RecordingContext(DriverContext inner, String driver, CallbackRecorder recorder) {
        super(inner);
        this.hotplug = new RecordingHotplug(inner.hotplug(), inner.scheduler(), driver, recorder);
    }

    @Override
    public CpuHotplug hotplug() {
        return hotplug;
    }
}
