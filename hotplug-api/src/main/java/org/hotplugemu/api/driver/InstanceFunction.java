package org.hotplugemu.api.driver;

/**
 * The body of a multi-instance hotplug callback: {@code int (*)(unsigned int cpu, struct hlist_node *node)}.
 * Failure rules are those of {@link CpuFunction}.
 *
 * <p>Stable since 0.1.
 */
@FunctionalInterface
public interface InstanceFunction {
    void run(int cpu, HotplugInstance instance);
}
