package org.hotplugemu.distribution.explore;

import java.time.Duration;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.KernelBugException;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.PerCpuResource;

/** Deliberately buggy drivers, kept back from the stock set, that explore must catch. */
final class BuggyDrivers {
    private BuggyDrivers() {
    }

    private static int dyn(DriverContext context) {
        return context.hotplug().state("CPUHP_AP_ONLINE_DYN");
    }

    /** Its teardown forgets to free the per-CPU buffer its startup allocated. */
    static final class LeakyTeardown implements HotplugDriver {
        @Override
        public String name() {
            return "buggy_leaky";
        }

        @Override
        public void register(DriverContext context) {
            PerCpuResource buffer = context.resources().track("leaky buffer");
            int slot = context.hotplug().setupState(dyn(context), "buggy/leaky:online",
                    Callback.of("leaky_online", buffer::acquire), Callback.of("leaky_offline", cpu -> { }));
            buffer.bind(slot);
        }
    }

    /**
     * Registers its worker state before its buffer state, so going down frees the buffer first and
     * the worker's teardown then flushes its counts into freed memory.
     */
    static final class WrongOrderTeardown implements HotplugDriver {
        private final boolean[] buffer = new boolean[64];

        @Override
        public String name() {
            return "buggy_order";
        }

        @Override
        public void register(DriverContext context) {
            context.hotplug().setupState(dyn(context), "buggy/worker:online", Callback.of("worker_online", cpu -> { }),
                    Callback.of("worker_offline", cpu -> {
                        if (!buffer[cpu]) {
                            throw new KernelBugException("BUG: KASAN: use-after-free in worker_offline: CPU " + cpu + "'s buffer is freed");
                        }
                    }));
            context.hotplug().setupState(dyn(context), "buggy/buffer:online", Callback.of("buffer_online", cpu -> buffer[cpu] = true),
                    Callback.of("buffer_offline", cpu -> buffer[cpu] = false));
        }
    }

    /** Its teardown skips the boot CPU ("it never goes offline"), which a registration rollback does not skip. */
    static final class RollbackMissesCpu implements HotplugDriver {
        @Override
        public String name() {
            return "buggy_rollback";
        }

        @Override
        public void register(DriverContext context) {
            PerCpuResource counters = context.resources().track("rollback counters");
            int slot = context.hotplug().setupState(dyn(context), "buggy/rollback:online", Callback.of("counters_online", counters::acquire),
                    Callback.of("counters_offline", cpu -> {
                        if (cpu != 0) {
                            counters.release(cpu);
                        }
                    }));
            counters.bind(slot);
        }
    }

    /**
     * Frees a CPU's stats, flushes for 200 us, and only then stops the kthread that updates them every
     * millisecond: a use-after-free when the kthread wakes in between.
     */
    static final class RacyStats implements HotplugDriver {
        private final Stats[] stats = new Stats[64];
        private final boolean[] stop = new boolean[64];
        private final Completion[] exited = new Completion[64];

        private static final class Stats {
            boolean freed;
        }

        @Override
        public String name() {
            return "buggy_racy";
        }

        @Override
        public void register(DriverContext context) {
            Scheduler scheduler = context.scheduler();
            context.hotplug().setupState(dyn(context), "buggy/racy:online", Callback.of("racy_online", cpu -> {
                stats[cpu] = new Stats();
                stop[cpu] = false;
                exited[cpu] = scheduler.newCompletion("racy_exited");
                Completion done = exited[cpu];
                scheduler.spawn("racy/" + cpu, cpu, () -> {
                    try {
                        while (!stop[cpu]) {
                            if (stats[cpu].freed) {
                                throw new KernelBugException("BUG: KASAN: use-after-free in racy_thread on CPU " + cpu);
                            }
                            scheduler.sleep(Duration.ofMillis(1));
                        }
                    } finally {
                        done.complete();
                    }
                });
            }), Callback.of("racy_offline", cpu -> {
                stats[cpu].freed = true;
                scheduler.delay(Duration.ofNanos(200_000));
                stop[cpu] = true;
                exited[cpu].await();
            }));
        }
    }
}
