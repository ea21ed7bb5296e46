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
        Map<Integer, String> withDriver = Cpus.stateNames(machine);
        try {
            machine.control().unloadDriver(driver);
        } catch (HotplugException e) {
            problems.add(Problem.isCleanFailure(e) ? new Problem("unload", "rmmod " + driver + " failed: " + e.getMessage()) : Problem.of(e));
            return new FaultScenario.Outcome(problems, "", false);
        }
        RegistrationRecorder recorder = new RegistrationRecorder(call, cpu);
        Map<Integer, String> before = Cpus.stateNames(machine);
        boolean loaded = false;
        try {
            machine.control().loadDriver(new InterceptingDriver(source.freshDriver(driver), recorder));
            loaded = true;
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
        if (!problems.isEmpty()) {
            // The driver is half registered: the next scenario gets a fresh machine.
            return new FaultScenario.Outcome(problems, "", false);
        }
        return new FaultScenario.Outcome(problems, "register: rolled back", reload(machine, source, loaded, withDriver));
    }

    /**
     * Puts the driver back as boot left it, as a developer reloads a module after a failed
     * {@code insmod}: out if the failing load kept it, then a fresh instance in. Returns whether the
     * machine is as clean as before the scenario (no leftovers, the same states registered), so that
     * the next point of the sweep can use it.
     */
    private boolean reload(Machine machine, MachineSource source, boolean loaded, Map<Integer, String> withDriver) {
        try {
            if (loaded && !machine.control().unloadDriver(driver).isEmpty()) {
                return false;
            }
            machine.control().loadDriver(source.freshDriver(driver));
        } catch (HotplugException e) {
            return false;
        }
        return Cpus.stateNames(machine).equals(withDriver) && Consistency.check(machine, -1).isEmpty();
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
