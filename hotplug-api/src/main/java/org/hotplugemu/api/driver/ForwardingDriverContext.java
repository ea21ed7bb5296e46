package org.hotplugemu.api.driver;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.trace.Tracer;

/**
 * A {@link DriverContext} that forwards every call to another one, for wrappers that hand a driver a
 * context with one or two parts replaced (a recording {@link CpuHotplug}, a counting
 * {@link ResourceTracker}) and override only those. Pairs with {@link ForwardingCpuHotplug}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public abstract class ForwardingDriverContext implements DriverContext {
    private final DriverContext delegate;

    protected ForwardingDriverContext(DriverContext delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** Returns the context calls are forwarded to. */
    protected final DriverContext delegate() {
        return delegate;
    }

    @Override
    public CpuHotplug hotplug() {
        return delegate.hotplug();
    }

    @Override
    public Scheduler scheduler() {
        return delegate.scheduler();
    }

    @Override
    public KernelLog log() {
        return delegate.log();
    }

    @Override
    public Tracer tracer() {
        return delegate.tracer();
    }

    @Override
    public VirtualFiles files() {
        return delegate.files();
    }

    @Override
    public ResourceTracker resources() {
        return delegate.resources();
    }

    @Override
    public DriverServices services() {
        return delegate.services();
    }

    @Override
    public String architecture() {
        return delegate.architecture();
    }

    @Override
    public SystemDeviceHandlers systemDevices() {
        return delegate.systemDevices();
    }
}
