package org.hotplugemu.drivers.workqueue;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.api.driver.SmpbootThreads;
import org.hotplugemu.drivers.support.Ledger;

/**
 * Per-CPU worker pools of one machine ({@code kernel/workqueue.c} reduced to what hotplug touches):
 * a pool is bound to its CPU from {@code workqueue_online_cpu} to {@code workqueue_offline_cpu};
 * work queued on a CPU whose pool is not bound, and work pending when the pool unbinds, runs on
 * the lowest bound CPU instead, so every item runs exactly once.
 *
 * <p>The pool lock is a Java monitor held only for list updates; no engine primitive is called
 * under it. Experimental.
 */
public final class Workqueues {
    private final CpuHotplug hotplug;
    private final Ledger ledger = new Ledger();
    private final ArrayDeque<Ledger.Item>[] pools;
    private final boolean[] bound;
    private PerCpuResource poolResource;
    private SmpbootThreads workers;

    @SuppressWarnings("unchecked")
    Workqueues(CpuHotplug hotplug) {
        this.hotplug = requireNonNull(hotplug, "hotplug is null");
        int cpus = hotplug.nrCpuIds();
        this.pools = new ArrayDeque[cpus];
        this.bound = new boolean[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            pools[cpu] = new ArrayDeque<>();
        }
    }

    void attach(PerCpuResource poolResource, SmpbootThreads workers) {
        this.poolResource = requireNonNull(poolResource, "poolResource is null");
        this.workers = requireNonNull(workers, "workers is null");
    }

    /**
     * Queues {@code body} on {@code cpu}'s pool ({@code queue_work_on}); if that pool is not bound
     * to an online CPU the item goes to the fallback pool.
     */
    public void queueWorkOn(int cpu, Runnable body) {
        Ledger.Item item = ledger.queue(body);
        int target;
        synchronized (this) {
            target = bound[cpu] ? cpu : fallback(-1);
            if (target < 0) {
                target = cpu;
            }
            pools[target].add(item);
        }
        workers.wake(target);
    }

    /** Returns whether the worker of {@code cpu} has work to do. */
    synchronized boolean hasWork(int cpu) {
        return bound[cpu] && !pools[cpu].isEmpty();
    }

    /** Runs one pending item of {@code cpu}, on its worker thread. */
    void runOne(int cpu) {
        Ledger.Item item;
        synchronized (this) {
            item = bound[cpu] ? pools[cpu].poll() : null;
        }
        if (item != null) {
            item.run();
        }
    }

    /** {@code workqueue_online_cpu}: binds the CPU's pool again. */
    void online(int cpu) {
        boolean pending;
        synchronized (this) {
            bound[cpu] = true;
            pending = !pools[cpu].isEmpty();
        }
        poolResource.acquire(cpu);
        if (pending) {
            workers.wake(cpu);
        }
    }

    /** {@code workqueue_offline_cpu}: unbinds the pool and hands its pending work to a bound CPU. */
    void offline(int cpu) {
        int target;
        synchronized (this) {
            bound[cpu] = false;
            target = fallback(cpu);
            if (target >= 0 && !pools[cpu].isEmpty()) {
                ledger.migrated(pools[cpu].size());
                pools[target].addAll(pools[cpu]);
                pools[cpu].clear();
            }
        }
        poolResource.release(cpu);
        if (target >= 0) {
            workers.wake(target);
        }
    }

    /** Marks a CPU's pool bound without calls (the boot CPU at registration). */
    synchronized void bindAtBoot(int cpu) {
        bound[cpu] = true;
    }

    private int fallback(int except) {
        for (int cpu = 0; cpu < bound.length; cpu++) {
            if (cpu != except && bound[cpu]) {
                return cpu;
            }
        }
        return -1;
    }

    /** Returns how many items wait in all pools. */
    public synchronized long pending() {
        long pending = 0;
        for (ArrayDeque<Ledger.Item> pool : pools) {
            pending += pool.size();
        }
        return pending;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Returns the CPUs whose pool is bound, ascending. */
    public synchronized List<Integer> boundCpus() {
        List<Integer> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < bound.length; cpu++) {
            if (bound[cpu]) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /** The debugfs view: the ledger's counters. */
    String debugfs() {
        return ledger.format(pending());
    }

    CpuHotplug hotplug() {
        return hotplug;
    }
}
