package org.hotplugemu.testkit;

import org.hotplugemu.arch.spi.KernelLog;
import org.hotplugemu.arch.spi.VirtualFiles;
import org.hotplugemu.arch.spi.sched.Scheduler;
import org.hotplugemu.core.api.CpuHotplug;
import org.hotplugemu.core.api.DriverContext;
import org.hotplugemu.core.api.ResourceTracker;
import org.hotplugemu.core.api.SystemDeviceHandlers;
import org.hotplugemu.tracing.Tracer;

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
    public String architecture() {
        return inner.architecture();
    }

    @Override
    public SystemDeviceHandlers systemDevices() {
        return inner.systemDevices();
    }
}
