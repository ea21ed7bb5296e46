package org.hotplugemu.drivers.softirq;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.SmpbootThreads;
import org.hotplugemu.drivers.support.Ledger;

/**
 * Per-CPU tasklet lists of one machine, run by {@code ksoftirqd/%u}; {@code takeover_tasklets}
 * moves a dead CPU's list to the CPU running the teardown, so every tasklet runs exactly once.
 *
 * <p>Experimental.
 */
public final class Tasklets {
    private final Scheduler scheduler;
    private final Ledger ledger = new Ledger();
    private final List<List<Ledger.Item>> lists = new ArrayList<>();
    private SmpbootThreads ksoftirqd;

    Tasklets(Scheduler scheduler, int cpus) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        for (int cpu = 0; cpu < cpus; cpu++) {
            lists.add(new ArrayList<>());
        }
    }

    void attach(SmpbootThreads ksoftirqd) {
        this.ksoftirqd = requireNonNull(ksoftirqd, "ksoftirqd is null");
    }

    /** {@code tasklet_schedule}: runs {@code body} soon on the current CPU. */
    public void schedule(Runnable body) {
        int cpu = scheduler.currentCpu();
        Ledger.Item item = ledger.queue(body);
        synchronized (this) {
            lists.get(cpu).add(item);
        }
        ksoftirqd.wake(cpu);
    }

    synchronized boolean pending(int cpu) {
        return !lists.get(cpu).isEmpty();
    }

    /** The {@code ksoftirqd/%u} body. */
    void run(int cpu) {
        List<Ledger.Item> batch;
        synchronized (this) {
            batch = new ArrayList<>(lists.get(cpu));
            lists.get(cpu).clear();
        }
        batch.forEach(Ledger.Item::run);
    }

    /** {@code takeover_tasklets}. */
    void takeover(int cpu) {
        int target = scheduler.currentCpu();
        synchronized (this) {
            List<Ledger.Item> orphans = lists.get(cpu);
            ledger.migrated(orphans.size());
            lists.get(target).addAll(orphans);
            orphans.clear();
        }
        ksoftirqd.wake(target);
    }

    String debugfs() {
        long pending;
        synchronized (this) {
            pending = lists.stream().mapToLong(List::size).sum();
        }
        return ledger.format(pending);
    }

    public Ledger ledger() {
        return ledger;
    }
}
