package org.hotplugemu.drivers.load;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.drivers.rcu.RcuTree;
import org.hotplugemu.drivers.softirq.Tasklets;
import org.hotplugemu.drivers.timers.TimerBases;
import org.hotplugemu.drivers.workqueue.Workqueues;

/**
 * A background load for hotplug torture tests: {@code echo SEED > /sys/kernel/debug/hotplug-emu/load}
 * (or {@code SEED PERIOD_US})
 * starts a {@code hotplug-load} thread on the first online CPU (or the CPU given third) that queues a work item on a random
 * possible CPU every period of engine time (default 1 ms); each work item, where it runs, queues an RCU
 * callback, a timer, an hrtimer and a tasklet on its own CPU. {@code echo 0} stops it. The
 * counters of each subsystem in the same directory then show whether anything was lost or run twice.
 *
 * <p>Keep the load thread's CPU online while the load runs.
 */
public final class LoadDriver implements HotplugDriver {
    public static final String DEBUGFS = "/sys/kernel/debug/hotplug-emu/load";
    private static final long DEFAULT_PERIOD_MICROS = 1_000;

    private DriverContext context;
    private volatile long seed;
    private volatile int generation;

    @Override
    public String name() {
        return "load";
    }

    @Override
    public int order() {
        return 9_000;
    }

    @Override
    public void register(DriverContext context) {
        this.context = context;
        context.files().add(DEBUGFS, VirtualFile.readWrite(() -> seed + "\n", this::write));
    }

    @Override
    public void unregister(DriverContext context) {
        generation++;
        context.files().remove(DEBUGFS);
    }

    private void write(String value) {
        long newSeed;
        long periodMicros = DEFAULT_PERIOD_MICROS;
        CpuHotplug hotplug = context.hotplug();
        int cpu = hotplug.onlineMask().first();
        String[] words = value.strip().split("\\s+");
        try {
            newSeed = Long.parseLong(words[0]);
            if (words.length > 1) {
                periodMicros = Long.parseLong(words[1]);
            }
            if (words.length > 2) {
                cpu = Integer.parseInt(words[2]);
            }
        } catch (NumberFormatException e) {
            throw new HotplugException(Errno.EINVAL, "load takes 'SEED [PERIOD_US [CPU]]' to start (one work item per period,"
                    + " default 1000 us, from a thread on CPU, default the first online one), or 0 to stop; not '" + value.strip() + "'");
        }
        if (words.length > 3 || periodMicros <= 0) {
            throw new HotplugException(Errno.EINVAL, "load takes 'SEED [PERIOD_US [CPU]]' with a positive period, or 0 to stop");
        }
        if (newSeed != 0 && (cpu < 0 || cpu >= hotplug.nrCpuIds() || !hotplug.onlineMask().test(cpu))) {
            throw new HotplugException(Errno.EINVAL, "the load thread needs an online CPU; CPU " + cpu + " is not online (online: "
                    + hotplug.onlineMask().toCpuList() + ")");
        }
        Duration period = Duration.ofNanos(periodMicros * 1_000);
        int myGeneration = ++generation;
        seed = newSeed;
        if (newSeed != 0) {
            Scheduler scheduler = context.scheduler();
            scheduler.spawn("hotplug-load", cpu, () -> generate(myGeneration, newSeed, period));
        }
    }

    private void generate(int myGeneration, long loadSeed, Duration period) {
        Scheduler scheduler = context.scheduler();
        CpuHotplug hotplug = context.hotplug();
        SplittableRandom random = new SplittableRandom(loadSeed);
        Optional<Workqueues> workqueues = context.services().lookup(Workqueues.class);
        Optional<RcuTree> rcu = context.services().lookup(RcuTree.class);
        Optional<TimerBases> timers = context.services().lookup(TimerBases.class);
        Optional<Tasklets> tasklets = context.services().lookup(Tasklets.class);
        while (generation == myGeneration) {
            int cpu = random.nextInt(hotplug.nrCpuIds());
            Duration timerDelay = Duration.ofNanos(1_000L * random.nextInt(1, 3_000));
            Runnable work = () -> {
                int here = scheduler.currentCpu();
                rcu.ifPresent(tree -> tree.callRcu(() -> { }));
                timers.ifPresent(bases -> {
                    bases.addTimerOn(here, timerDelay, () -> { });
                    bases.hrtimerStartOn(here, timerDelay.dividedBy(2), () -> { });
                });
                tasklets.ifPresent(lists -> lists.schedule(() -> { }));
            };
            if (workqueues.isPresent()) {
                workqueues.get().queueWorkOn(cpu, work);
            } else {
                work.run();
            }
            scheduler.sleep(period);
        }
    }
}
