package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.trace.Tracer;

/**
 * What a driver gets when it registers: the hotplug API and the emulated kernel around it.
 */
@API(status = STABLE, since = "0.1")
public interface DriverContext {
    CpuHotplug hotplug();

    Scheduler scheduler();

    KernelLog log();

    Tracer tracer();

    VirtualFiles files();

    /** Accounting that lets the invariant checker prove this driver's callbacks symmetric. */
    ResourceTracker resources();

    /**
     * Returns the services the drivers of this machine publish for each other; what this driver
     * publishes is withdrawn when it is unloaded. Experimental since 0.3.
     */
    DriverServices services();

    /** Returns the architecture's name, e.g. {@code x86} or {@code arm64}. */
    String architecture();

    /**
     * Returns where this driver registers system device hot-plug handlers.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EOPNOTSUPP on a machine without system device hot-plug
     */
    default SystemDeviceHandlers systemDevices() {
        throw new org.hotplugemu.api.kernel.HotplugException(org.hotplugemu.api.kernel.Errno.EOPNOTSUPP, "this machine has no system device hot-plug");
    }
}
