package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.sysdev.HotplugOperation;
import org.hotplugemu.core.sysdev.HotplugPhase;
import org.hotplugemu.core.sysdev.Uevents;

/**
 * One point of the system device sweep: a hot-add (device check) or hot-remove (eject request) of
 * CPU {@code cpu} with one handler of one phase failing ({@code sysdev/fail_handler}). The framework
 * promises: a validate or execute failure rolls back every handler already run, so the CPU is
 * exactly as before (registered or not, online or not, no {@code cpuN/} without {@code present}),
 * memory blocks unchanged and every uevent balanced by its opposite; a commit failure is logged and
 * the other commit handlers still run. Either way the machine must go on working: the CPU is
 * ejected, inserted and onlined again, and another CPU still goes down and up.
 */
record SysdevScenario(int cpu, HotplugOperation operation, HotplugPhase phase, String handler) {
    private static final String MEMORY = "/sys/devices/system/memory/";

    String id() {
        return (operation == HotplugOperation.ADD ? "hot-add" : "hot-remove") + " cpu" + cpu + " fail " + phaseName() + " " + handler;
    }

    String key() {
        return "sysdev " + operation.name().toLowerCase(Locale.ROOT) + " " + phaseName() + " " + handler;
    }

    private String phaseName() {
        return phase.name().toLowerCase(Locale.ROOT);
    }

    private String armLine() {
        return operation.name().toLowerCase(Locale.ROOT) + " " + phaseName() + " " + handler;
    }

    /** The script that replays the scenario on a freshly booted machine with every slot filled. */
    String script(int onCpu) {
        StringBuilder script = new StringBuilder();
        if (operation == HotplugOperation.ADD) {
            script.append("echo ").append(onCpu).append(" > ").append(Cpus.SYSDEV).append("eject\n");
        }
        script.append("echo ").append(armLine()).append(" > ").append(Cpus.SYSDEV).append("fail_handler\n");
        script.append("echo ").append(onCpu).append(" > ").append(Cpus.SYSDEV).append(operation == HotplugOperation.ADD ? "insert\n" : "eject\n");
        script.append("cat ").append(Cpus.CPU).append("present\n");
        script.append("cat ").append(Cpus.CPU).append("online\n");
        script.append("cat ").append(Cpus.SYSDEV).append("uevents\n");
        script.append("cat ").append(Cpus.DEBUG).append("invariants\n");
        script.append("dmesg\n");
        return script.toString();
    }

    /** Runs the scenario on CPU {@code onCpu} of a booted machine whose CPUs are all present and online. */
    FaultScenario.Outcome run(Machine machine, int onCpu) {
        List<Problem> problems = new ArrayList<>();
        boolean add = operation == HotplugOperation.ADD;
        try {
            if (add) {
                machine.write(Cpus.SYSDEV + "eject", onCpu + "\n");
                if (Cpus.registered(machine, onCpu)) {
                    problems.add(new Problem("broken-machine", "could not set up the scenario: CPU " + onCpu + " was not ejected"));
                    return new FaultScenario.Outcome(problems, "", false);
                }
            }
        } catch (HotplugException e) {
            problems.add(new Problem("broken-machine", "could not set up the scenario: " + e.getMessage()));
            return new FaultScenario.Outcome(problems, "", false);
        }
        Uevents uevents = machine.systemDevices().uevents();
        List<Uevents.Uevent> all = uevents.all();
        long seqnum = all.isEmpty() ? 0 : all.get(all.size() - 1).seqnum();
        String online = machine.read(Cpus.CPU + "online");
        String present = machine.read(Cpus.CPU + "present");
        String memory = memory(machine);
        boolean wasRegistered = Cpus.registered(machine, onCpu);
        int logStart = machine.dmesg().size();
        try {
            machine.write(Cpus.SYSDEV + "fail_handler", armLine() + "\n");
            machine.write(Cpus.SYSDEV + (add ? "insert" : "eject"), onCpu + "\n");
        } catch (HotplugException e) {
            problems.add(Problem.isCleanFailure(e) ? new Problem("error", "the " + (add ? "insert" : "eject") + " failed: " + e.getMessage()) : Problem.of(e));
        }
        if (!machine.read(Cpus.SYSDEV + "fail_handler").isBlank()) {
            problems.add(new Problem("no-error", "the " + phaseName() + " handler " + handler + " never ran for the " + id()));
            machine.write(Cpus.SYSDEV + "fail_handler", "-1\n");
        }
        List<String> dmesg = machine.dmesg();
        String path = "";
        if (problems.isEmpty() && phase != HotplugPhase.COMMIT) {
            path = (add ? "add" : "delete") + ": rolled back";
            expectSame(problems, "the registration of CPU " + onCpu, wasRegistered, Cpus.registered(machine, onCpu));
            expectSame(problems, "cpu/online", online, machine.read(Cpus.CPU + "online"));
            expectSame(problems, "cpu/present", present, machine.read(Cpus.CPU + "present"));
            expectSame(problems, "the memory blocks", memory, memory(machine));
            balanced(uevents.since(seqnum), problems);
        } else if (problems.isEmpty()) {
            path = (add ? "add" : "delete") + ": commit error logged";
            if (dmesg.subList(logStart, dmesg.size()).stream().noneMatch(line -> line.contains("commit handler " + handler + " failed"))) {
                problems.add(new Problem("not-logged", "the failure of commit handler " + handler + " is not in dmesg"));
            }
            if (!add && Cpus.parseList(machine.read(Cpus.CPU + "online")).get(onCpu)) {
                problems.add(new Problem("rolled-back-commit", "CPU " + onCpu + " is online again after a commit failure: commit is never rolled back"));
            }
        }
        Cpus.splats(dmesg, logStart).forEach(line -> problems.add(new Problem(line.contains("WARNING") ? "warning" : "kernel-bug", line)));
        Cpus.lockdep(dmesg, logStart).forEach(line -> problems.add(new Problem("lockdep", line)));
        problems.addAll(Consistency.check(machine, -1));
        boolean recovered = problems.isEmpty() && restore(machine, onCpu, problems) && StillWorks.check(machine, onCpu, problems);
        return new FaultScenario.Outcome(problems, path, recovered && problems.isEmpty());
    }

    /** Ejects the CPU if the guest still has it, inserts it and onlines it: a full hot-remove and hot-add after the failure. */
    private static boolean restore(Machine machine, int cpu, List<Problem> problems) {
        try {
            if (Cpus.registered(machine, cpu)) {
                machine.write(Cpus.SYSDEV + "eject", cpu + "\n");
            }
            if (Cpus.registered(machine, cpu)) {
                problems.add(new Problem("broken-machine", "afterwards CPU " + cpu + " can no longer be ejected"));
                return false;
            }
            machine.write(Cpus.SYSDEV + "insert", cpu + "\n");
            if (!Cpus.registered(machine, cpu)) {
                problems.add(new Problem("broken-machine", "afterwards CPU " + cpu + " can no longer be hot-added"));
                return false;
            }
            machine.write(Cpus.onlineFile(cpu), "1\n");
        } catch (HotplugException e) {
            problems.add(new Problem("broken-machine", "afterwards CPU " + cpu + " no longer cycles through eject and insert: " + e.getMessage()));
            return false;
        }
        return true;
    }

    private static void expectSame(List<Problem> problems, String what, Object before, Object after) {
        if (!before.equals(after)) {
            problems.add(new Problem("no-rollback", what + " was " + String.valueOf(before).strip() + " and is " + String.valueOf(after).strip()
                    + " after the failed request"));
        }
    }

    /** Every add has its remove, bind its unbind, online its offline, per device. */
    private static void balanced(List<Uevents.Uevent> events, List<Problem> problems) {
        Map<String, Integer> net = new HashMap<>();
        for (Uevents.Uevent event : events) {
            int sign = switch (event.action()) {
                case "add", "bind", "online" -> 1;
                case "remove", "unbind", "offline" -> -1;
                default -> 0;
            };
            String pair = switch (event.action()) {
                case "add", "remove" -> "add/remove";
                case "bind", "unbind" -> "bind/unbind";
                default -> "online/offline";
            };
            net.merge(event.devpath() + " " + pair, sign, Integer::sum);
        }
        net.forEach((key, count) -> {
            if (count != 0) {
                problems.add(new Problem("unbalanced-uevents", "uevents of " + key + " do not balance after the rollback (net " + count + ")"));
            }
        });
    }

    private static String memory(Machine machine) {
        StringBuilder out = new StringBuilder();
        for (int block = 0; machine.exists(MEMORY + "memory" + block + "/online"); block++) {
            out.append(machine.read(MEMORY + "memory" + block + "/online").strip());
        }
        return out.toString();
    }
}
