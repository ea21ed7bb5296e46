package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The body of a single-instance hotplug callback: {@code int (*)(unsigned int cpu)}.
 * Return normally for success; throw {@link org.hotplugemu.api.kernel.HotplugException} to fail with
 * its errno. Any other exception fails the step with EIO and is logged.
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1")
public interface CpuFunction {
    void run(int cpu);
}
