package org.hotplugemu.core.state;

import java.util.Optional;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuFunction;

/**
 * The steps the core owns ({@code cpuhp_hp_states} in {@code kernel/cpu.c}): thread creation,
 * bringup and teardown of the CPU itself, the scheduler's steps and smpboot threads. Subsystem
 * steps are registered by drivers through the public API.
 */
final class CoreSteps {
    private final CpuhpState state;

    private CoreSteps(CpuhpState state) {
        this.state = state;
    }

    /** Installs the core's steps into {@code state}'s table. */
    static void install(CpuhpState state, CpuBringup ap, SmpbootRegistry smpboot, boolean splitStartup) {
        new CoreSteps(state).install(ap, smpboot, splitStartup);
    }

    private void install(CpuBringup ap, SmpbootRegistry smpboot, boolean splitStartup) {
        Masks masks = state.masks();
        name("CPUHP_OFFLINE", "offline");
        step("CPUHP_CREATE_THREADS", "threads:prepare", cb("smpboot_create_threads", smpboot::createThreads), null);
        if (splitStartup) {
            step("CPUHP_BP_KICK_AP", "cpu:kick_ap", cb("cpuhp_kick_ap_alive", ap::kickApAlive), null);
            step("CPUHP_BRINGUP_CPU", "cpu:bringup", cb("cpuhp_bringup_ap", ap::bringupAp), cb("finish_cpu", ap::finishCpu));
        }
        else {
            step("CPUHP_BRINGUP_CPU", "cpu:bringup", cb("bringup_cpu", ap::bringupCpu), cb("finish_cpu", ap::finishCpu));
        }
        name("CPUHP_AP_IDLE_DEAD", "idle:dead");
        name("CPUHP_AP_OFFLINE", "ap:offline");
        step("CPUHP_AP_SCHED_STARTING", "sched:starting", cb("sched_cpu_starting", cpu -> {}), cb("sched_cpu_dying", cpu -> {}));
        name("CPUHP_AP_ONLINE", "ap:online");
        step("CPUHP_TEARDOWN_CPU", "cpu:teardown", null, cb("takedown_cpu", ap::takedownCpu));
        step("CPUHP_AP_SCHED_WAIT_EMPTY", "sched:waitempty", null, cb("sched_cpu_wait_empty", cpu -> {}));
        step("CPUHP_AP_SMPBOOT_THREADS", "smpboot/threads:online",
                cb("smpboot_unpark_threads", smpboot::unparkThreads), cb("smpboot_park_threads", smpboot::parkThreads));
        step("CPUHP_AP_ACTIVE", "sched:active",
                cb("sched_cpu_activate", cpu -> masks.setActive(cpu, true)),
                cb("sched_cpu_deactivate", cpu -> masks.setActive(cpu, false)));
        name("CPUHP_ONLINE", "online");
    }

    private static Callback cb(String symbol, CpuFunction function) {
        return Callback.of(symbol, function);
    }

    private void name(String enumName, String name) {
        step(enumName, name, null, null);
    }

    private void step(String enumName, String name, Callback startup, Callback teardown) {
        Optional<Integer> number = state.profile().find(enumName).map(definition -> definition.number());
        number.ifPresent(at -> state.table().get(at).install(name, startup, teardown));
    }
}
