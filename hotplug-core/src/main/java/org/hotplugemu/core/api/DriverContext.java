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
}
