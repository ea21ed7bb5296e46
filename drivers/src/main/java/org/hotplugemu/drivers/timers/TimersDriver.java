package org.hotplugemu.drivers.timers;

import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.drivers.support.Registrar;

/**
 * Timers and hrtimers: {@code hrtimers:prepare}, {@code timers:prepare}, {@code hrtimers:dying} and (6.12) {@code tick:dying}
 * (static states of kernel/cpu.c; the 6.1 stable kernels push hrtimers away in the dying callback),
 * the per-CPU {@code ktimers/%u} threads that fire expired timers, and the counters in
 * {@code /sys/kernel/debug/hotplug-emu/timers} and {@code .../hrtimers}.
 */
public final class TimersDriver implements HotplugDriver {
    public static final String TIMERS_DEBUGFS = "/sys/kernel/debug/hotplug-emu/timers";
    public static final String HRTIMERS_DEBUGFS = "/sys/kernel/debug/hotplug-emu/hrtimers";

    private final int[] states = new int[4];

    @Override
    public String name() {
        return "timers";
    }

    @Override
    public int order() {
        return 130;
    }

    @Override
    public void register(DriverContext context) {
        TimerBases bases = new TimerBases(context.hotplug(), context.scheduler());
        Registrar registrar = new Registrar(context);
        int timersState = context.hotplug().state("CPUHP_TIMERS_PREPARE");
        var threads = context.hotplug().registerSmpbootThread(
                SmpbootThread.of("ktimers/%u", bases::hasTimers, bases::expire));
        bases.attach(context.resources().track(timersState, "timer_base"), threads);
        // init_timers sets up the boot CPU's wheel itself.
        registrar.initCpusAtOrAbove(timersState, bases::prepare);
        // 6.1-stable pushes hrtimers away while the CPU dies (hrtimers:dying); mainline 6.6 has no such
        // state and pulls them in the dead callback of hrtimers:prepare instead.
        boolean dying = registrar.exists("CPUHP_AP_HRTIMERS_DYING");
        states[0] = registrar.single("CPUHP_HRTIMERS_PREPARE", "hrtimers:prepare",
                "hrtimers_prepare_cpu", cpu -> { }, dying ? null : "hrtimers_dead_cpu", dying ? null : bases::dying, false);
        states[1] = registrar.single("CPUHP_TIMERS_PREPARE", "timers:prepare",
                "timers_prepare_cpu", bases::prepare, "timers_dead_cpu", bases::dead, false);
        states[2] = registrar.single("CPUHP_AP_HRTIMERS_DYING", "hrtimers:dying",
                null, null, "hrtimers_cpu_dying", bases::dying, false);
        // 6.2+: kernel/cpu.c's tick:dying hands the do_timer duty over while the CPU dies.
        states[3] = registrar.single("CPUHP_AP_TICK_DYING", "tick:dying", null, null, "tick_cpu_dying", cpu -> { }, false);
        context.files().add(TIMERS_DEBUGFS, VirtualFile.readOnly(bases::wheelDebugfs));
        context.files().add(HRTIMERS_DEBUGFS, VirtualFile.readOnly(bases::hrDebugfs));
        context.services().publish(TimerBases.class, bases);
    }

    @Override
    public void unregister(DriverContext context) {
        context.services().withdraw(TimerBases.class);
        context.files().remove(TIMERS_DEBUGFS);
        context.files().remove(HRTIMERS_DEBUGFS);
        for (int i = states.length - 1; i >= 0; i--) {
            if (states[i] > 0) {
                context.hotplug().removeState(states[i]);
            }
        }
    }
}
