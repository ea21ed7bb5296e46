package org.hotplugemu.drivers.rcu;

import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.drivers.support.Registrar;

/**
 * Tree RCU: {@code RCU/tree:prepare}, {@code RCU/tree:dying} and {@code RCU/tree:online} (static
 * states of kernel/cpu.c), per-CPU {@code rcuc/%u} threads, and the counters in
 * {@code /sys/kernel/debug/hotplug-emu/rcu}.
 */
public final class RcuDriver implements HotplugDriver {
    public static final String DEBUGFS = "/sys/kernel/debug/hotplug-emu/rcu";

    private final int[] states = new int[3];

    @Override
    public String name() {
        return "rcu";
    }

    @Override
    public int order() {
        return 120;
    }

    @Override
    public void register(DriverContext context) {
        RcuTree rcu = new RcuTree(context.hotplug(), context.scheduler());
        Registrar registrar = new Registrar(context);
        int prepare = context.hotplug().state("CPUHP_RCUTREE_PREP");
        int online = context.hotplug().state("CPUHP_AP_RCUTREE_ONLINE");
        var threads = context.hotplug().registerSmpbootThread(SmpbootThread.of("rcuc/%u", rcu::hasWork, rcu::runCpu));
        rcu.attach(context.resources().track(prepare, "rcu_data"), context.resources().track(online, "rcu_node_online"), threads);
        // rcu_init sets up the boot CPU itself.
        registrar.initCpusAtOrAbove(prepare, rcu::prepare);
        registrar.initCpusAtOrAbove(online, rcu::online);
        states[0] = registrar.single("CPUHP_RCUTREE_PREP", "RCU/tree:prepare",
                "rcutree_prepare_cpu", rcu::prepare, "rcutree_dead_cpu", rcu::dead, false);
        states[1] = registrar.single("CPUHP_AP_RCUTREE_DYING", "RCU/tree:dying",
                null, null, "rcutree_dying_cpu", rcu::dying, false);
        states[2] = registrar.single("CPUHP_AP_RCUTREE_ONLINE", "RCU/tree:online",
                "rcutree_online_cpu", rcu::online, "rcutree_offline_cpu", rcu::offline, false);
        context.files().add(DEBUGFS, VirtualFile.readOnly(rcu::debugfs));
        context.services().publish(RcuTree.class, rcu);
    }

    @Override
    public void unregister(DriverContext context) {
        context.services().withdraw(RcuTree.class);
        context.files().remove(DEBUGFS);
        for (int i = states.length - 1; i >= 0; i--) {
            context.hotplug().removeState(states[i]);
        }
    }
}
