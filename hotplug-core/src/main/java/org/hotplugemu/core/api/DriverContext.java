package org.hotplugemu.core.api;

import org.hotplugemu.arch.spi.KernelLog;
import org.hotplugemu.arch.spi.VirtualFiles;
import org.hotplugemu.arch.spi.sched.Scheduler;
import org.hotplugemu.tracing.Tracer;

/**
 * What a driver gets when it registers: the hotplug API and the emulated kernel around it.
 *
 * <p>Stable since 0.1.
 */
public interface DriverContext {
    CpuHotplug hotplug();

    Scheduler scheduler();

    KernelLog log();

    Tracer tracer();

    VirtualFiles files();

    /** Accounting that lets the invariant checker prove this driver's callbacks symmetric. */
    ResourceTracker resources();

    /** Returns the architecture's name, e.g. {@code x86} or {@code arm64}. */
    String architecture();

    /**
     * Returns where this driver registers system device hot-plug handlers.
     *
     * @throws org.hotplugemu.arch.spi.HotplugException EOPNOTSUPP on a machine without system device hot-plug
     */
    default SystemDeviceHandlers systemDevices() {
        throw new org.hotplugemu.arch.spi.HotplugException(org.hotplugemu.arch.spi.Errno.EOPNOTSUPP, "this machine has no system device hot-plug");
    }
}
