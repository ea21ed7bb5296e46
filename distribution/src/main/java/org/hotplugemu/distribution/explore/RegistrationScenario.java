package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.torture.LockdepReports;

/**
 * One point of the registration sweep: driver {@code driver} is unloaded and loaded again, and its
 * {@code call}-th dynamic-state setup or instance add fails on CPU {@code cpu}. The kernel promises
 * the startup ran on no later CPU and {@code cpuhp_rollback_install} tore it down on every earlier
 * one; the driver must hold nothing of that call afterwards, and the rest of the machine must work.
 */
record RegistrationScenario(String driver, int call, String kind, String name, int cpu) {
    String id() {
        return "register " + driver + " #" + call + " " + kind + " " + name + " fail cpu" + cpu;
    }

    FaultScenario.Outcome run(Machine machine, MachineSource source) {
        List<Problem> problems = new ArrayList<>();
        int logStart = machine.dmesg().size();
        try {
            machine.control().unloadDriver(driver);
        } catch (HotplugException e) {
            problems.add(Problem.isCleanFailure(e) ? new Problem("unload", "rmmod " + driver + " failed: " + e.getMessage()) : Problem.of(e));
            return new FaultScenario.Outcome(problems, "", false);
        }
        RegistrationRecorder recorder = new RegistrationRecorder(call, cpu);
        Map<Integer, String> before = Cpus.stateNames(machine);
        try {
            machine.control().loadDriver(new InterceptingDriver(source.freshDriver(driver), recorder));
        } catch (HotplugException e) {
            if (!Problem.isCleanFailure(e)) {
                problems.add(Problem.of(e));
            }
            // Otherwise the driver passed the failure on, as a failing module init does; it must have undone
            // everything it registered, or its callbacks stay installed with nobody to remove them.
            Cpus.stateNames(machine).forEach((state, name) -> {
                if (!name.equals(before.get(state))) {
                    problems.add(new Problem("registration-leak", "driver " + driver + " failed to load but left state " + state + " (" + name
                            + ") registered"));
                }
            });
        }
        recorder.rollbackProblems().forEach(line -> problems.add(new Problem("registration-rollback", line)));
        List<String> log = machine.dmesg(); // formatted afresh on each call: read it once
        Cpus.splats(log, logStart).forEach(line -> problems.add(new Problem(line.contains("WARNING") ? "warning" : "kernel-bug", line)));
        List<String> reports = LockdepReports.reports(log, logStart);
        List<String> summaries = Cpus.lockdep(log, logStart);
        for (int i = 0; i < summaries.size(); i++) {
            problems.add(new Problem("lockdep", summaries.get(i), reports.get(i)));
        }
        problems.addAll(Consistency.check(machine, -1));
        String path = problems.isEmpty() ? "register: rolled back" : "";
        // The driver is gone or half registered now: the next scenario gets a fresh machine.
        return new FaultScenario.Outcome(problems, path, false);
    }

    /** Registration failures have no shell spelling: the reproducer is explore itself, narrowed to this scenario. */
    String script() {
        return "# " + id() + "\n# no shell command reloads a driver with an injected failure: replay with the command line above\n";
    }

    /** The script, with the kernel log that shows {@code problem} as comments when there is one. */
    String script(Problem problem) {
        if (problem.detail().isEmpty()) {
            return script();
        }
        StringBuilder script = new StringBuilder(script()).append("# dmesg:\n");
        problem.detail().lines().forEach(line -> script.append("#   ").append(line).append('\n'));
        return script.toString();
    }
}
