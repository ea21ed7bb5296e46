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
 * found on fresh machines: one gives the CPUs and handlers, each hotpluggable CPU's traced cycle
 * gives its sweep points, and one more machine's drivers have their registrations recorded.
 */
final class CampaignPlan {
    private CampaignPlan() {
    }

    /**
     * The plan. The registrations are recorded while the first machine boots and gives the CPUs and
     * handlers; then each CPU's cycle is traced on a fresh machine (the first CPU's on that one), the
     * CPUs on {@code jobs} workers.
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
                } else {
                    registrations.addAll(registrations(source, seed));
                }
            });
            List<Object>[] traced = sweepParts(hotpluggable.size());
            Workers.run(jobs, hotpluggable.size(), task -> {
                Machine fresh = task == 0 ? first.getAndSet(null) : source.boot(source.cpus(), seed, "");
                traced[task] = SweepPlan.plan(fresh, hotpluggable.get(task));
            });
            for (List<Object> part : traced) {
                faults.addAll(part);
            }
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

    @SuppressWarnings("unchecked")
    private static List<Object>[] sweepParts(int cpus) {
        return new List[cpus];
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
