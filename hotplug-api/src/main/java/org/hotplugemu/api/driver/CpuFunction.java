package org.hotplugemu.api.driver;

/**
 * The body of a single-instance hotplug callback: {@code int (*)(unsigned int cpu)}.
 * Return normally for success; throw {@link org.hotplugemu.api.kernel.HotplugException} to fail with
 * its errno. Any other exception fails the step with EIO and is logged.
 *
 * <p>Stable since 0.1.
 */
@FunctionalInterface
public interface CpuFunction {
    void run(int cpu);
}
