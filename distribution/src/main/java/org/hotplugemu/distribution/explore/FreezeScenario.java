package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;

/**
 * One point of the suspend sweep: {@code freeze_secondary_cpus(0)}, as suspend runs it, with
 * {@code hotplug/fail} armed at {@code state} on CPU {@code cpu}. The kernel promises: the freeze
 * fails with the injected EAGAIN ("Error taking CPU<n> down: -11", "Non-boot CPUs are not
 * disabled"); the CPUs before {@code cpu} are offline, {@code cpu} rolled back (or stopped with a
 * WARNING), the CPUs after it untouched; hotplug stays disabled (EBUSY) until the caller thaws; the
 * thaw brings back every frozen CPU, and the machine still works.
 */
record FreezeScenario(int cpu, int state, String stateName) implements SuspendScenario {
    @Override
    public String id() {
        return "freeze cpu" + cpu + " fail " + state + " (" + stateName + ")";
    }

    @Override
    public String script(int onCpu) {
        return "echo " + state + " > " + Cpus.failFile(onCpu) + "\n"
                + "echo 0 > " + Cpus.FREEZE + "\n"
                + "cat " + Cpus.CPU + "online\n"
                + "cat " + Cpus.CPU + "cpu" + onCpu + "/hotplug/state\n"
                + "echo -1 > " + Cpus.failFile(onCpu) + "\n"
                + "echo 1 > " + Cpus.THAW + "\n"
                + "cat " + Cpus.CPU + "online\n"
                + "cat " + Cpus.DEBUG + "invariants\n"
                + "dmesg\n";
    }

    @Override
    public FaultScenario.Outcome run(Machine machine, int onCpu) {
        List<Problem> problems = new ArrayList<>();
        int online = machine.profile().online();
        int logStart = machine.dmesg().size();
        List<Integer> hotpluggable = Cpus.hotpluggable(machine);
        try {
            machine.write(Cpus.failFile(onCpu), state + "\n");
        } catch (HotplugException e) {
            problems.add(new Problem("broken-machine", "could not set up the scenario: " + e.getMessage()));
            return new FaultScenario.Outcome(problems, "", false);
        }
        HotplugException error = null;
        try {
            machine.write(Cpus.FREEZE, "0\n");
        } catch (HotplugException e) {
            error = e;
        }
        Cpus.disarm(machine, onCpu);
        if (error == null) {
            problems.add(new Problem("no-error", "freeze_secondary_cpus succeeded with hotplug/fail armed at " + state + " on CPU " + onCpu));
        } else if (error.errno() != Errno.EAGAIN) {
            problems.add(Problem.isCleanFailure(error)
                    ? new Problem("wrong-errno", "the freeze failed with " + error.errno() + " instead of EAGAIN: " + error.getMessage())
                    : Problem.of(error));
        }
        String path = problems.isEmpty() ? machine.shell(() -> checkFrozen(machine, onCpu, hotpluggable, online, logStart, problems)) : "";
        int skip = path.endsWith("WARNING") ? onCpu : -1;
        if (!path.isEmpty()) {
            checkHotplugDisabled(machine, onCpu, hotpluggable, online, problems);
        }
        try {
            machine.write(Cpus.THAW, "1\n");
        } catch (HotplugException e) {
            problems.add(Problem.isCleanFailure(e) ? new Problem("thaw", "thaw_secondary_cpus failed: " + e.getMessage()) : Problem.of(e));
        }
        List<String> log = machine.dmesg();
        boolean stopped = skip >= 0;
        for (String line : Cpus.splats(log, logStart)) {
            if (!line.contains("WARNING")) {
                problems.add(new Problem("kernel-bug", line));
            } else if (!stopped) {
                problems.add(new Problem("warning", "rolled back, but with " + line));
            }
        }
        Cpus.lockdep(log, logStart).forEach(line -> problems.add(new Problem("lockdep", line)));
        machine.shell(() -> {
            if (skip < 0) {
                for (int each : hotpluggable) {
                    int state = Cpus.state(machine, each);
                    if (state != online) {
                        problems.add(new Problem("not-thawed", "after the thaw CPU " + each + " is at state " + state));
                    }
                }
            }
            return problems.addAll(Consistency.check(machine, skip));
        });
        boolean recovered = problems.isEmpty() && StillWorks.check(machine, onCpu, problems);
        return new FaultScenario.Outcome(problems, path, recovered && problems.isEmpty());
    }

    /** Checks the CPUs right after the failed freeze; returns the rollback path taken, or "" with a problem added. */
    private String checkFrozen(Machine machine, int onCpu, List<Integer> hotpluggable, int online, int logStart, List<Problem> problems) {
        List<String> log = machine.dmesg();
        if (log.subList(Math.min(logStart, log.size()), log.size()).stream().noneMatch(line -> line.contains("Error taking CPU" + onCpu + " down"))) {
            problems.add(new Problem("no-error", "the failed freeze did not log 'Error taking CPU" + onCpu + " down'"));
        }
        for (int each : hotpluggable) {
            int now = Cpus.state(machine, each);
            if (each < onCpu && each != 0 && now != 0) {
                problems.add(new Problem("not-frozen", "CPU " + each + ", before the failing CPU " + onCpu + ", is at state " + now + ", not offline"));
            } else if (each > onCpu && now != online) {
                problems.add(new Problem("touched", "CPU " + each + ", after the failing CPU " + onCpu + ", is at state " + now + ", not online"));
            }
        }
        if (Cpus.state(machine, onCpu) == online && Cpus.target(machine, onCpu) == online) {
            return "freeze: rolled back";
        }
        if (Cpus.splats(log, logStart).stream().anyMatch(line -> line.contains("WARNING"))) {
            return "freeze: stopped with WARNING";
        }
        problems.add(new Problem("no-rollback", "CPU " + onCpu + " is at state " + Cpus.state(machine, onCpu) + " (target "
                + Cpus.target(machine, onCpu) + ") after the failure at " + state + ": neither rolled back nor stopped with a WARNING"));
        return "";
    }

    /** Until the thaw, hotplug is disabled: taking down an online CPU is refused with EBUSY. */
    private static void checkHotplugDisabled(Machine machine, int onCpu, List<Integer> hotpluggable, int online, List<Problem> problems) {
        for (int each : hotpluggable) {
            if (each != onCpu && Cpus.state(machine, each) == online) {
                try {
                    machine.write(Cpus.onlineFile(each), "0\n");
                    problems.add(new Problem("hotplug-enabled", "CPU " + each + " went offline between a failed freeze and the thaw"));
                    machine.write(Cpus.onlineFile(each), "1\n");
                } catch (HotplugException e) {
                    if (e.errno() != Errno.EBUSY) {
                        problems.add(new Problem("wrong-errno", "offlining CPU " + each + " before the thaw failed with " + e.errno() + " instead of EBUSY"));
                    }
                }
                return;
            }
        }
    }
}
