package org.hotplugemu.drivers.softirq;

import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.drivers.support.Registrar;

/**
 * Softirqs: the {@code ksoftirqd/%u} smpboot threads (parked and unparked by the core's smpboot
 * steps), {@code softirq:dead} with {@code takeover_tasklets}, and the tasklet counters in
 * {@code /sys/kernel/debug/hotplug-emu/tasklets}.
 */
public final class SoftirqDriver implements HotplugDriver {
    public static final String DEBUGFS = "/sys/kernel/debug/hotplug-emu/tasklets";

    private int deadState;

    @Override
    public String name() {
        return "softirq";
    }

    @Override
    public int order() {
        return 140;
    }

    @Override
    public void register(DriverContext context) {
        Tasklets tasklets = new Tasklets(context.scheduler(), context.hotplug().nrCpuIds());
        tasklets.attach(context.hotplug().registerSmpbootThread(
                SmpbootThread.of("ksoftirqd/%u", tasklets::pending, tasklets::run)));
        deadState = new Registrar(context).single("CPUHP_SOFTIRQ_DEAD", "softirq:dead",
                null, null, "takeover_tasklets", tasklets::takeover, false);
        context.files().add(DEBUGFS, VirtualFile.readOnly(tasklets::debugfs));
        context.services().publish(Tasklets.class, tasklets);
    }

    @Override
    public void unregister(DriverContext context) {
        context.services().withdraw(Tasklets.class);
        context.files().remove(DEBUGFS);
        context.hotplug().removeState(deadState);
    }
}
