package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The registered instance of an {@link SmpbootThread}: one thread per possible CPU.
 */
@API(status = STABLE, since = "0.1")
public interface SmpbootThreads {
    /** Wakes the thread of {@code cpu} so that it checks {@code shouldRun} again ({@code wake_up_process}). */
    void wake(int cpu);

    /** Returns the name of the thread of {@code cpu}, e.g. {@code ksoftirqd/3}. */
    String threadName(int cpu);
}
