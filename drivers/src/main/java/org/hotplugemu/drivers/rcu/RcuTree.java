package org.hotplugemu.drivers.rcu;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.api.driver.SmpbootThreads;
import org.hotplugemu.drivers.support.Ledger;

/**
 * Tree RCU of one machine reduced to grace periods and callback lists: {@code call_rcu} queues a
 * callback on the current CPU for the next grace period; a grace period waits for a quiescent state
 * from every CPU that was active when it started, reported by that CPU's {@code rcuc/%u} thread or,
 * for a CPU going down, by {@code rcutree_offline_cpu}/{@code rcutree_dying_cpu}; each CPU's thread
 * invokes its callbacks whose grace period has completed; {@code rcutree_dead_cpu} moves a dead
 * CPU's callbacks to the CPU running the teardown. So grace periods keep completing while CPUs come
 * and go, and every callback is invoked exactly once.
 *
 * <p>Experimental.
 */
public final class RcuTree {
    private final CpuHotplug hotplug;
    private final Scheduler scheduler;
    private final Ledger ledger = new Ledger();
    private final List<List<Callback>> lists = new ArrayList<>();
    private final BitSet qsPending = new BitSet();
    private long completed;
    private long current;
    private PerCpuResource dataResource;
    private PerCpuResource onlineResource;
    private SmpbootThreads threads;

    private record Callback(long gracePeriod, Ledger.Item item) {
    }

    RcuTree(CpuHotplug hotplug, Scheduler scheduler) {
        this.hotplug = requireNonNull(hotplug, "hotplug is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        for (int cpu = 0; cpu < hotplug.nrCpuIds(); cpu++) {
            lists.add(new ArrayList<>());
        }
    }

    void attach(PerCpuResource dataResource, PerCpuResource onlineResource, SmpbootThreads threads) {
        this.dataResource = requireNonNull(dataResource, "dataResource is null");
        this.onlineResource = requireNonNull(onlineResource, "onlineResource is null");
        this.threads = requireNonNull(threads, "threads is null");
    }

    /** {@code call_rcu}: invokes {@code body} on this CPU after the next full grace period. */
    public void callRcu(Runnable body) {
        int cpu = scheduler.currentCpu();
        Ledger.Item item = ledger.queue(body);
        BitSet wake;
        synchronized (this) {
            boolean inProgress = current > completed;
            lists.get(cpu).add(new Callback(inProgress ? current + 1 : completed + 1, item));
            wake = inProgress ? new BitSet() : startGracePeriod();
        }
        wakeAll(wake);
    }

    /** Returns the number of completed grace periods. */
    public synchronized long completedGracePeriods() {
        return completed;
    }

    synchronized boolean hasWork(int cpu) {
        return qsPending.get(cpu) || hasReady(cpu);
    }

    /** The {@code rcuc/%u} body: report a quiescent state, then invoke the ready callbacks. */
    void runCpu(int cpu) {
        List<Callback> ready = new ArrayList<>();
        BitSet wake;
        synchronized (this) {
            wake = reportQuiescentState(cpu);
            for (var iterator = lists.get(cpu).iterator(); iterator.hasNext();) {
                Callback callback = iterator.next();
                if (callback.gracePeriod() <= completed) {
                    ready.add(callback);
                    iterator.remove();
                }
            }
        }
        wakeAll(wake);
        ready.forEach(callback -> callback.item().run());
    }

    /** {@code rcutree_prepare_cpu}: sets up the CPU's rcu_data. */
    void prepare(int cpu) {
        dataResource.acquire(cpu);
    }

    /** {@code rcutree_dead_cpu}: adopts the dead CPU's callbacks on the current CPU. */
    void dead(int cpu) {
        int target = scheduler.currentCpu();
        synchronized (this) {
            List<Callback> orphans = lists.get(cpu);
            ledger.migrated(orphans.size());
            lists.get(target).addAll(orphans);
            orphans.clear();
        }
        dataResource.release(cpu);
        threads.wake(target);
    }

    /** {@code rcutree_dying_cpu}: interrupts off on the dying CPU; it can hold up no grace period. */
    void dying(int cpu) {
        BitSet wake;
        synchronized (this) {
            wake = reportQuiescentState(cpu);
        }
        wakeAll(wake);
    }

    /** {@code rcutree_online_cpu}. */
    void online(int cpu) {
        onlineResource.acquire(cpu);
    }

    /** {@code rcutree_offline_cpu}: the CPU is no longer active, so it reports its quiescent state now. */
    void offline(int cpu) {
        BitSet wake;
        synchronized (this) {
            wake = reportQuiescentState(cpu);
        }
        onlineResource.release(cpu);
        wakeAll(wake);
    }

    private BitSet startGracePeriod() {
        current = completed + 1;
        hotplug.activeMask().stream().forEach(qsPending::set);
        BitSet wake = (BitSet) qsPending.clone();
        if (qsPending.isEmpty()) {
            wake.or(finishGracePeriod());
        }
        return wake;
    }

    private BitSet reportQuiescentState(int cpu) {
        if (current == completed || !qsPending.get(cpu)) {
            return new BitSet();
        }
        qsPending.clear(cpu);
        return qsPending.isEmpty() ? finishGracePeriod() : new BitSet();
    }

    private BitSet finishGracePeriod() {
        completed = current;
        BitSet wake = new BitSet();
        boolean waiting = false;
        for (int cpu = 0; cpu < lists.size(); cpu++) {
            if (hasReady(cpu)) {
                wake.set(cpu);
            }
            waiting |= hasWaiting(cpu);
        }
        if (waiting) {
            wake.or(startGracePeriod());
        }
        return wake;
    }

    private boolean hasReady(int cpu) {
        for (Callback callback : lists.get(cpu)) {
            if (callback.gracePeriod() <= completed) {
                return true;
            }
        }
        return false;
    }

    private boolean hasWaiting(int cpu) {
        for (Callback callback : lists.get(cpu)) {
            if (callback.gracePeriod() > completed) {
                return true;
            }
        }
        return false;
    }

    private void wakeAll(BitSet cpus) {
        cpus.stream().forEach(threads::wake);
    }

    private synchronized long pending() {
        return lists.stream().mapToLong(List::size).sum();
    }

    String debugfs() {
        String counters = ledger.format(pending());
        synchronized (this) {
            return counters + "completed_gp: " + completed + "\ngp_in_progress: " + (current > completed ? 1 : 0) + "\n";
        }
    }

    public Ledger ledger() {
        return ledger;
    }
}
