package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.sysdev.HandlerRegistry;
import org.hotplugemu.core.sysdev.HotplugOperation;
import org.hotplugemu.core.sysdev.HotplugPhase;

/**
 * Every scenario of a campaign, in order, before sharding: the fault sweep, the same failures under
 * suspend, the registration sweep, the system device sweep, then the random sequences. They are
 * found on two fresh machines: one gives the CPUs and handlers, then each hotpluggable CPU's traced
 * cycle gives its sweep points; the other's drivers have their registrations recorded.
 */
final class CampaignPlan {
    private CampaignPlan() {
    }

    /**
     * The plan. The registrations are recorded (on a second worker when {@code jobs} allows) while
     * the first machine boots, gives the CPUs and handlers and has each CPU's cycle traced.
     */
    static List<Object> of(MachineSource source, long seed, int seeds, int operations, int jobs) {
        AtomicReference<Machine> first = new AtomicReference<>();
        List<RegistrationScenario> registrations = new ArrayList<>();
        List<Object> faults = new ArrayList<>();
        List<Integer> hotpluggable = new ArrayList<>();
        List<SysdevScenario> sysdev = new ArrayList<>();
        int[] keep = new int[1];
        try {
            Workers.run(Math.min(jobs, 2), 2, task -> {
                if (task == 0) {
                    first.set(source.boot(source.cpus(), seed, ""));
                    survey(first.get(), hotpluggable, keep, sysdev);
                    faults.addAll(traced(source, seed, first, hotpluggable));
                } else {
                    registrations.addAll(registrations(source, seed));
                }
            });
        } finally {
            Machine unused = first.getAndSet(null);
            if (unused != null) {
                unused.close();
            }
        }
        List<Object> plan = new ArrayList<>(faults);
        plan.addAll(suspends(faults));
        plan.addAll(registrations);
        plan.addAll(sysdev);
        for (long sequence = 1; sequence <= seeds; sequence++) {
            plan.add(SequenceScenario.generate(sequence, operations, hotpluggable, keep[0], List.of(), hotpluggable.size() > 1));
        }
        return plan;
    }

    /** Reads from a fresh machine its hotpluggable CPUs, the CPU the load thread keeps, and the system device sweep. */
    private static void survey(Machine machine, List<Integer> hotpluggable, int[] keep, List<SysdevScenario> sysdev) {
        hotpluggable.addAll(Cpus.hotpluggable(machine));
        // As torture: the load thread lives on a CPU that cannot go offline, or else on the last hotpluggable one.
        int fixed = -1;
        for (int cpu = 0; cpu < machine.cpus() && fixed < 0; cpu++) {
            fixed = hotpluggable.contains(cpu) ? -1 : cpu;
        }
        keep[0] = fixed >= 0 ? fixed : hotpluggable.isEmpty() ? 0 : hotpluggable.get(hotpluggable.size() - 1);
        // The handlers are listed before any cycle, as on a fresh machine.
        sysdev.addAll(sysdev(machine, hotpluggable));
    }

    /**
     * Each hotpluggable CPU's traced cycle, one after another on the first machine: a cycle leaves
     * every CPU back online, and tracing the next CPU there costs a few operations where a fresh
     * machine costs a boot. After a cycle that failed, the next CPU gets a fresh machine.
     */
    private static List<Object> traced(MachineSource source, long seed, AtomicReference<Machine> first, List<Integer> hotpluggable) {
        List<Object> faults = new ArrayList<>();
        for (int cpu : hotpluggable) {
            Machine machine = first.get() != null ? first.get() : source.boot(source.cpus(), seed, "");
            first.set(machine);
            List<Object> planned = SweepPlan.plan(machine, cpu);
            if (planned.size() == 1 && planned.get(0) instanceof SweepPlan.CycleFailure) {
                first.set(null);
                machine.close();
            }
            faults.addAll(planned);
        }
        return faults;
    }

    /**
     * Suspend's freeze of the secondary CPUs failing on each CPU at each state a plain offline of it
     * can fail at (the CPUs frozen before it stay down until the thaw brings them back), then the
     * thaw failing on each CPU at each state a plain online can fail at. The boot CPU is never frozen.
     */
    private static List<SuspendScenario> suspends(List<Object> faults) {
        List<SuspendScenario> freezes = new ArrayList<>();
        List<SuspendScenario> thaws = new ArrayList<>();
        for (Object scenario : faults) {
            if (scenario instanceof FaultScenario fault && fault.cpu() != 0) {
                if (fault.up()) {
                    thaws.add(new ThawScenario(fault.cpu(), fault.state(), fault.stateName()));
                } else {
                    freezes.add(new FreezeScenario(fault.cpu(), fault.state(), fault.stateName()));
                }
            }
        }
        freezes.addAll(thaws);
        return freezes;
    }

    /** Each dynamic-state setup and instance add of each driver, failing on each online CPU in turn. */
    private static List<RegistrationScenario> registrations(MachineSource source, long seed) {
        List<RegistrationScenario> plan = new ArrayList<>();
        Map<String, RegistrationRecorder> recorders = new LinkedHashMap<>();
        try (Machine machine = source.boot(source.cpus(), seed, "", driver -> record(driver, recorders))) {
            BitSet online = Cpus.parseList(machine.read(Cpus.CPU + "online"));
            recorders.forEach((driver, recorder) -> {
                for (RegistrationRecorder.Call call : recorder.calls()) {
                    for (int cpu = online.nextSetBit(0); cpu >= 0; cpu = online.nextSetBit(cpu + 1)) {
                        plan.add(new RegistrationScenario(driver, call.index, call.kind, call.name, cpu));
                    }
                }
            });
        }
        return plan;
    }

    /** Every handler of every phase of a hot-add and a hot-remove, failing in turn, on every hotpluggable CPU but the boot CPU. */
    private static List<SysdevScenario> sysdev(Machine machine, List<Integer> hotpluggable) {
        List<SysdevScenario> scenarios = new ArrayList<>();
        if (hotpluggable.stream().allMatch(cpu -> cpu == 0) || !machine.exists(Cpus.SYSDEV + "fail_handler")) {
            return scenarios;
        }
        for (int cpu : hotpluggable) {
            if (cpu == 0) {
                continue;
            }
            for (HotplugOperation operation : HotplugOperation.values()) {
                for (HotplugPhase phase : HotplugPhase.values()) {
                    for (HandlerRegistry.Entry entry : machine.systemDevices().handlers().handlers(operation, phase)) {
                        scenarios.add(new SysdevScenario(cpu, operation, phase, entry.name()));
                    }
                }
            }
        }
        return scenarios;
    }

    private static HotplugDriver record(HotplugDriver driver, Map<String, RegistrationRecorder> recorders) {
        RegistrationRecorder recorder = new RegistrationRecorder(-1, -1);
        recorders.put(driver.name(), recorder);
        return new InterceptingDriver(driver, recorder);
    }
}
