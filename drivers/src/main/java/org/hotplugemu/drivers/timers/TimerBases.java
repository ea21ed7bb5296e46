package org.hotplugemu.drivers.timers;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.api.driver.SmpbootThreads;
import org.hotplugemu.drivers.support.Ledger;

/**
 * Per-CPU timer wheels and hrtimer bases of one machine ({@code kernel/time/timer.c} and
 * {@code hrtimer.c} reduced to what hotplug touches). Expired timers fire on the CPU's
 * {@code ktimers/%u} thread. {@code hrtimers_cpu_dying} pushes the dying CPU's hrtimers to an
 * active CPU; {@code timers_dead_cpu} pulls a dead CPU's timers to the CPU running the teardown.
 * Every timer fires exactly once.
 *
 * <p>Experimental.
 */
public final class TimerBases {
    /** The longest a timer thread sleeps before looking again, so that parking never waits long. */
    private static final long MAX_NAP_NANOS = 1_000_000;

    private final CpuHotplug hotplug;
    private final Scheduler scheduler;
    private final Ledger wheelLedger = new Ledger();
    private final Ledger hrLedger = new Ledger();
    private final List<List<Timer>> wheels = new ArrayList<>();
    private final List<List<Timer>> hrBases = new ArrayList<>();
    private final boolean[] wheelUp;
    private PerCpuResource wheelResource;
    private SmpbootThreads threads;

    private record Timer(long expires, Ledger.Item item) {
    }

    TimerBases(CpuHotplug hotplug, Scheduler scheduler) {
        this.hotplug = requireNonNull(hotplug, "hotplug is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        int cpus = hotplug.nrCpuIds();
        this.wheelUp = new boolean[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            wheels.add(new ArrayList<>());
            hrBases.add(new ArrayList<>());
        }
    }

    void attach(PerCpuResource wheelResource, SmpbootThreads threads) {
        this.wheelResource = requireNonNull(wheelResource, "wheelResource is null");
        this.threads = requireNonNull(threads, "threads is null");
    }

    /** {@code add_timer_on}: a timer wheel timer on {@code cpu}, or on the current CPU if that wheel is down. */
    public void addTimerOn(int cpu, Duration delay, Runnable body) {
        Timer timer = new Timer(scheduler.nanoTime() + delay.toNanos(), wheelLedger.queue(body));
        int target;
        synchronized (this) {
            target = wheelUp[cpu] ? cpu : scheduler.currentCpu();
            wheels.get(target).add(timer);
        }
        threads.wake(target);
    }

    /** {@code hrtimer_start_range_ns} pinned to {@code cpu}, or to the current CPU if {@code cpu} is not online. */
    public void hrtimerStartOn(int cpu, Duration delay, Runnable body) {
        Timer timer = new Timer(scheduler.nanoTime() + delay.toNanos(), hrLedger.queue(body));
        int target;
        synchronized (this) {
            target = hotplug.onlineMask().test(cpu) ? cpu : scheduler.currentCpu();
            hrBases.get(target).add(timer);
        }
        threads.wake(target);
    }

    synchronized boolean hasTimers(int cpu) {
        return !wheels.get(cpu).isEmpty() || !hrBases.get(cpu).isEmpty();
    }

    /** The timer thread's body: fires what has expired, otherwise naps until the next expiry. */
    void expire(int cpu) {
        long now = scheduler.nanoTime();
        List<Timer> due = new ArrayList<>();
        long next = Long.MAX_VALUE;
        synchronized (this) {
            next = Math.min(collect(wheels.get(cpu), now, due), collect(hrBases.get(cpu), now, due));
        }
        if (!due.isEmpty()) {
            due.forEach(timer -> timer.item().run());
        } else if (next != Long.MAX_VALUE) {
            scheduler.sleep(Duration.ofNanos(Math.max(1, Math.min(next - now, MAX_NAP_NANOS))));
        }
    }

    private static long collect(List<Timer> base, long now, List<Timer> due) {
        long next = Long.MAX_VALUE;
        for (var iterator = base.iterator(); iterator.hasNext();) {
            Timer timer = iterator.next();
            if (timer.expires() <= now) {
                due.add(timer);
                iterator.remove();
            } else {
                next = Math.min(next, timer.expires());
            }
        }
        return next;
    }

    /** {@code timers_prepare_cpu}. */
    void prepare(int cpu) {
        synchronized (this) {
            wheelUp[cpu] = true;
        }
        wheelResource.acquire(cpu);
    }

    /** {@code timers_dead_cpu}: runs on the control CPU and takes over the dead CPU's timers. */
    void dead(int cpu) {
        int target = scheduler.currentCpu();
        synchronized (this) {
            wheelUp[cpu] = false;
            move(wheels, cpu, target, wheelLedger);
        }
        wheelResource.release(cpu);
        threads.wake(target);
    }

    /** {@code hrtimers_cpu_dying}: on the dying CPU, interrupts off; pushes its hrtimers to an active CPU. */
    void dying(int cpu) {
        int target = hotplug.activeMask().anyBut(cpu);
        if (target < 0) {
            return;
        }
        synchronized (this) {
            move(hrBases, cpu, target, hrLedger);
        }
        threads.wake(target);
    }

    private static void move(List<List<Timer>> bases, int from, int to, Ledger ledger) {
        List<Timer> source = bases.get(from);
        ledger.migrated(source.size());
        bases.get(to).addAll(source);
        source.clear();
    }

    private synchronized long pending(List<List<Timer>> bases) {
        return bases.stream().mapToLong(List::size).sum();
    }

    String wheelDebugfs() {
        return wheelLedger.format(pending(wheels));
    }

    String hrDebugfs() {
        return hrLedger.format(pending(hrBases));
    }

    public Ledger wheelLedger() {
        return wheelLedger;
    }

    public Ledger hrtimerLedger() {
        return hrLedger;
    }
}
