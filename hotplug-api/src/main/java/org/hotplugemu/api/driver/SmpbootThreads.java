package org.hotplugemu.api.driver;

/**
 * The registered instance of an {@link SmpbootThread}: one thread per possible CPU.
 *
 * <p>Stable since 0.1.
 */
public interface SmpbootThreads {
    /** Wakes the thread of {@code cpu} so that it checks {@code shouldRun} again ({@code wake_up_process}). */
    void wake(int cpu);

    /** Returns the name of the thread of {@code cpu}, e.g. {@code ksoftirqd/3}. */
    String threadName(int cpu);
}
