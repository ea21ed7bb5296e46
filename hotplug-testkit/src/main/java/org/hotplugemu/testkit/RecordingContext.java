package org.hotplugemu.testkit;

import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.ResourceTracker;
import org.hotplugemu.api.driver.SystemDeviceHandlers;
import org.hotplugemu.api.trace.Tracer;

/** A driver's context whose hotplug API goes through a {@link CallbackRecorder}; everything else is the machine's. */
final class RecordingContext implements DriverContext {
    private final DriverContext inner;
    private final CpuHotplug hotplug;

    RecordingContext(DriverContext inner, String driver, CallbackRecorder recorder) {
        this.inner = inner;
        this.hotplug = new RecordingHotplug(inner.hotplug(), inner.scheduler(), driver, recorder);
    }

    @Override
    public CpuHotplug hotplug() {
        return hotplug;
    }

    @Override
    public Scheduler scheduler() {
        return inner.scheduler();
    }

    @Override
    public KernelLog log() {
        return inner.log();
    }

    @Override
    public Tracer tracer() {
        return inner.tracer();
    }

    @Override
    public VirtualFiles files() {
        return inner.files();
    }

    @Override
    public ResourceTracker resources() {
        return inner.resources();
    }

    @Override
    public org.hotplugemu.api.driver.DriverServices services() {
        return inner.services();
    }

    @Override
    public String architecture() {
        return inner.architecture();
    }

    @Override
    public SystemDeviceHandlers systemDevices() {
        return inner.systemDevices();
    }
}
