package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;

/**
 * One point of the systematic sweep: CPU {@code cpu} goes up (from offline) or down (from online)
 * with {@code hotplug/fail} armed at {@code state}. The kernel promises EAGAIN and the CPU rolled
 * back to where it started, or, where it gives up (a failure after the CPU is dead), the CPU stopped
 * part-way with a {@code WARNING}; every other CPU untouched, and the machine still working.
 */
record FaultScenario(int cpu, int state, String stateName, boolean up) {
    String id() {
        return (up ? "up" : "down") + " cpu" + cpu + " fail " + state + " (" + stateName + ")";
    }

    /** What one run found and which rollback path the kernel took. */
    record Outcome(List<Problem> problems, String path, boolean clean) {
    }

    /** The script that replays the scenario on a freshly booted machine. */
    String script(int onCpu) {
        StringBuilder script = new StringBuilder();
        if (up) {
            script.append("echo 0 > ").append(Cpus.onlineFile(onCpu)).append('\n');
        }
        script.append("echo ").append(state).append(" > ").append(Cpus.failFile(onCpu)).append('\n');
        script.append("echo ").append(up ? 1 : 0).append(" > ").append(Cpus.onlineFile(onCpu)).append('\n');
        script.append("cat ").append(Cpus.CPU).append("cpu").append(onCpu).append("/hotplug/state\n");
        script.append("cat ").append(Cpus.DEBUG).append("invariants\n");
        script.append("dmesg\n");
        return script.toString();
    }

    /** Runs the scenario on CPU {@code onCpu} of a booted machine whose CPUs are all online. */
    Outcome run(Machine machine, int onCpu) {
        List<Problem> problems = new ArrayList<>();
        int online = machine.profile().online();
        int start = up ? 0 : online;
        int logStart = machine.dmesg().size();
        try {
            if (up) {
                machine.write(Cpus.onlineFile(onCpu), "0\n");
            }
            machine.write(Cpus.failFile(onCpu), state + "\n");
        } catch (HotplugException e) {
            problems.add(new Problem("broken-machine", "could not set up the scenario: " + e.getMessage()));
            return new Outcome(problems, "", false);
        }
        HotplugException error = null;
        try {
            machine.write(Cpus.onlineFile(onCpu), up ? "1\n" : "0\n");
        } catch (HotplugException e) {
            error = e;
        }
        Cpus.disarm(machine, onCpu);
        String direction = up ? "online" : "offline";
        if (error == null) {
            problems.add(new Problem("no-error", "the " + direction + " of CPU " + onCpu + " succeeded with hotplug/fail armed at " + state));
        } else if (error.errno() != Errno.EAGAIN) {
            problems.add(Problem.isCleanFailure(error)
                    ? new Problem("wrong-errno", "the " + direction + " failed with " + error.errno() + " instead of EAGAIN: " + error.getMessage())
                    : Problem.of(error));
        }
        String path = "";
        int skip = -1;
        List<String> log = machine.dmesg(); // formatted afresh on each call: read it once
        List<String> splats = Cpus.splats(log, logStart);
        if (problems.isEmpty()) {
            int now = Cpus.state(machine, onCpu);
            if (now == start && Cpus.target(machine, onCpu) == start) {
                path = up ? "up: rolled back" : "down: rolled back";
                splats.stream().filter(line -> line.contains("WARNING")).findFirst()
                        .ifPresent(line -> problems.add(new Problem("warning", "rolled back, but with " + line)));
            } else if (splats.stream().anyMatch(line -> line.contains("WARNING"))) {
                path = up ? "up: stopped with WARNING" : "down: stopped with WARNING";
                skip = onCpu;
            } else {
                problems.add(new Problem("no-rollback", "CPU " + onCpu + " is at state " + now + " (target " + Cpus.target(machine, onCpu)
                        + ") after the failure at " + state + ": neither rolled back to " + start + " nor stopped with a WARNING"));
                skip = onCpu;
            }
        }
        splats.stream().filter(line -> !line.contains("WARNING")).forEach(line -> problems.add(new Problem("kernel-bug", line)));
        Cpus.lockdep(log, logStart).forEach(line -> problems.add(new Problem("lockdep", line)));
        problems.addAll(Consistency.check(machine, skip));
        boolean recovered = problems.isEmpty() && StillWorks.check(machine, onCpu, problems);
        return new Outcome(problems, path, recovered && problems.isEmpty());
    }
}
