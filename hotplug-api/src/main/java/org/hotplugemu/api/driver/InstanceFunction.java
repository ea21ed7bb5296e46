package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The body of a multi-instance hotplug callback: {@code int (*)(unsigned int cpu, struct hlist_node *node)}.
 * Failure rules are those of {@link CpuFunction}.
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1")
public interface InstanceFunction {
    void run(int cpu, HotplugInstance instance);
}
