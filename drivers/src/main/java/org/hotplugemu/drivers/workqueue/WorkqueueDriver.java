package org.hotplugemu.drivers.workqueue;

import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.drivers.support.Registrar;

/**
 * The workqueue subsystem: {@code workqueue:prepare} and {@code workqueue:online} (static states of
 * kernel/cpu.c, so registered without calls), per-CPU workers {@code kworker/%u:0}, and the counters
 * in {@code /sys/kernel/debug/hotplug-emu/workqueue}.
 */
public final class WorkqueueDriver implements HotplugDriver {
    /** The debugfs file with this machine's work item counters. */
    public static final String DEBUGFS = "/sys/kernel/debug/hotplug-emu/workqueue";

    private int prepareState;
    private int onlineState;

    @Override
    public String name() {
        return "workqueue";
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public void register(DriverContext context) {
        Workqueues workqueues = new Workqueues(context.hotplug());
        Registrar registrar = new Registrar(context);
        onlineState = context.hotplug().state("CPUHP_AP_WORKQUEUE_ONLINE");
        var threads = context.hotplug().registerSmpbootThread(
                SmpbootThread.of("kworker/%u:0", workqueues::hasWork, workqueues::runOne));
        workqueues.attach(context.resources().track(onlineState, "worker_pool"), threads);
        // The pools of CPUs already up are bound by workqueue_init, not by a hotplug callback.
        registrar.initCpusAtOrAbove(onlineState, cpu -> {
            workqueues.bindAtBoot(cpu);
            workqueues.online(cpu);
        });
        prepareState = registrar.single("CPUHP_WORKQUEUE_PREP", "workqueue:prepare",
                "workqueue_prepare_cpu", cpu -> { }, null, null, false);
        registrar.single("CPUHP_AP_WORKQUEUE_ONLINE", "workqueue:online",
                "workqueue_online_cpu", workqueues::online, "workqueue_offline_cpu", workqueues::offline, false);
        context.files().add(DEBUGFS, VirtualFile.readOnly(workqueues::debugfs));
        context.services().publish(Workqueues.class, workqueues);
    }

    @Override
    public void unregister(DriverContext context) {
        context.services().withdraw(Workqueues.class);
        context.files().remove(DEBUGFS);
        context.hotplug().removeState(onlineState);
        context.hotplug().removeStateNoCalls(prepareState);
    }
}
