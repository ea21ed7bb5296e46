package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;

/**
 * One point of the resume sweep: every secondary CPU frozen, then {@code thaw_secondary_cpus} with
 * {@code hotplug/fail} armed at {@code state} on CPU {@code cpu}. The kernel's thaw cannot fail: it
 * logs "Error taking CPU<n> up: -11", leaves that CPU rolled back offline (or stopped with a
 * WARNING) and brings up every other frozen CPU. As in the kernel, the failed CPU's device still
 * reads {@code online} 1 (thaw goes around the device core), so a plain {@code echo 1} does nothing:
 * {@code echo 0} then {@code echo 1} brings it up, and that must work.
 */
record ThawScenario(int cpu, int state, String stateName) implements SuspendScenario {
    @Override
    public String id() {
        return "thaw cpu" + cpu + " fail " + state + " (" + stateName + ")";
    }

    @Override
    public String script(int onCpu) {
        return "echo 0 > " + Cpus.FREEZE + "\n"
                + "echo " + state + " > " + Cpus.failFile(onCpu) + "\n"
                + "echo 1 > " + Cpus.THAW + "\n"
                + "cat " + Cpus.CPU + "online\n"
                + "cat " + Cpus.CPU + "cpu" + onCpu + "/hotplug/state\n"
                + "echo -1 > " + Cpus.failFile(onCpu) + "\n"
                + "echo 0 > " + Cpus.onlineFile(onCpu) + "\n"
                + "echo 1 > " + Cpus.onlineFile(onCpu) + "\n"
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
            machine.write(Cpus.FREEZE, "0\n");
            machine.write(Cpus.failFile(onCpu), state + "\n");
        } catch (HotplugException e) {
            problems.add(new Problem("broken-machine", "could not set up the scenario: " + e.getMessage()));
            return new FaultScenario.Outcome(problems, "", false);
        }
        try {
            machine.write(Cpus.THAW, "1\n");
        } catch (HotplugException e) {
            problems.add(Problem.isCleanFailure(e) ? new Problem("thaw", "thaw_secondary_cpus failed, which the kernel's never does: "
                    + e.getMessage()) : Problem.of(e));
        }
        Cpus.disarm(machine, onCpu);
        List<String> log = machine.dmesg();
        List<String> splats = Cpus.splats(log, logStart);
        String path = problems.isEmpty() ? machine.shell(() -> checkThawed(machine, onCpu, hotpluggable, online, log, splats, logStart, problems)) : "";
        int skip = path.endsWith("WARNING") || path.isEmpty() ? onCpu : -1;
        for (String line : splats) {
            if (!line.contains("WARNING")) {
                problems.add(new Problem("kernel-bug", line));
            } else if (path.startsWith("thaw: rolled")) {
                problems.add(new Problem("warning", "rolled back, but with " + line));
            }
        }
        Cpus.lockdep(log, logStart).forEach(line -> problems.add(new Problem("lockdep", line)));
        problems.addAll(Consistency.check(machine, skip));
        if (path.startsWith("thaw: rolled")) {
            try {
                machine.write(Cpus.onlineFile(onCpu), "0\n");
                machine.write(Cpus.onlineFile(onCpu), "1\n");
            } catch (HotplugException e) {
                problems.add(new Problem("broken-machine", "CPU " + onCpu + " does not come back after the failed thaw: " + e.getMessage()));
            }
        }
        boolean recovered = problems.isEmpty() && StillWorks.check(machine, onCpu, problems);
        return new FaultScenario.Outcome(problems, path, recovered && problems.isEmpty());
    }

    /** Checks the CPUs after the failed thaw, from one shell; returns the rollback path taken, or "" with a problem added. */
    private String checkThawed(Machine machine, int onCpu, List<Integer> hotpluggable, int online, List<String> log, List<String> splats, int logStart,
            List<Problem> problems) {
        if (log.subList(Math.min(logStart, log.size()), log.size()).stream().noneMatch(line -> line.contains("Error taking CPU" + onCpu + " up"))) {
            problems.add(new Problem("no-error", "the thaw with CPU " + onCpu + " failing at " + state + " did not log 'Error taking CPU"
                    + onCpu + " up'"));
        }
        for (int each : hotpluggable) {
            if (each == onCpu) {
                continue;
            }
            int other = Cpus.state(machine, each);
            if (other != online) {
                problems.add(new Problem("not-thawed", "CPU " + each + " is at state " + other + " after a thaw in which only CPU " + onCpu + " failed"));
            }
        }
        int now = Cpus.state(machine, onCpu);
        int target = Cpus.target(machine, onCpu);
        if (now == 0 && target == 0) {
            return "thaw: rolled back";
        }
        if (splats.stream().anyMatch(line -> line.contains("WARNING"))) {
            return "thaw: stopped with WARNING";
        }
        problems.add(new Problem("no-rollback", "CPU " + onCpu + " is at state " + now + " (target " + target + ") after the failure at "
                + state + ": neither rolled back to 0 nor stopped with a WARNING"));
        return "";
    }
}
