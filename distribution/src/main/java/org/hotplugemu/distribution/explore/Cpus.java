package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.torture.LockdepReports;

/** The sysfs files a campaign reads and writes, as a shell script would. */
final class Cpus {
    static final String CPU = "/sys/devices/system/cpu/";
    static final String DEBUG = "/sys/kernel/debug/hotplug-emu/";
    /** {@code freeze_secondary_cpus(primary)} as suspend runs it: the suspend sweep's first half. */
    static final String FREEZE = DEBUG + "freeze_secondary_cpus";
    /** {@code thaw_secondary_cpus()} as resume runs it. */
    static final String THAW = DEBUG + "thaw_secondary_cpus";

    private Cpus() {
    }

    static String onlineFile(int cpu) {
        return CPU + "cpu" + cpu + "/online";
    }

    static String failFile(int cpu) {
        return CPU + "cpu" + cpu + "/hotplug/fail";
    }

    /** Disarms CPU {@code cpu}'s {@code hotplug/fail}; nothing armed any more, or the file gone with the CPU, is fine. */
    static void disarm(Machine machine, int cpu) {
        try {
            machine.write(failFile(cpu), "-1\n");
        } catch (HotplugException e) {
            // nothing to disarm
        }
    }

    /** The CPU's state from {@code hotplug/state}; a hot-added or absent CPU has none there, so the state machine tells. */
    static int state(Machine machine, int cpu) {
        String file = CPU + "cpu" + cpu + "/hotplug/state";
        return machine.exists(file) ? Integer.parseInt(machine.read(file).strip()) : machine.control().state(cpu);
    }

    static int target(Machine machine, int cpu) {
        String file = CPU + "cpu" + cpu + "/hotplug/target";
        return machine.exists(file) ? Integer.parseInt(machine.read(file).strip()) : machine.control().target(cpu);
    }

    /** Whether the guest has CPU {@code cpu} registered: {@code cpuN/} exists. */
    static boolean registered(Machine machine, int cpu) {
        return machine.exists(CPU + "cpu" + cpu);
    }

    static final String SYSDEV = DEBUG + "sysdev/";

    /** CPUs with an {@code online} file: those the kernel lets user space take offline. */
    static List<Integer> hotpluggable(Machine machine) {
        List<Integer> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < machine.cpus(); cpu++) {
            if (machine.exists(onlineFile(cpu))) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /** Parses a kernel CPU list such as {@code 0-2,5}. */
    static BitSet parseList(String list) {
        BitSet cpus = new BitSet();
        for (String part : list.strip().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1));
            cpus.set(from, to + 1);
        }
        return cpus;
    }

    /** State number to sysfs name, from {@code hotplug/states}. */
    static Map<Integer, String> stateNames(Machine machine) {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (String line : machine.read(CPU + "hotplug/states").split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                names.put(Integer.parseInt(line.substring(0, colon).strip()), line.substring(colon + 1).strip());
            }
        }
        return names;
    }

    /** Kernel log lines that say something broke: warnings, BUGs, oopses; lockdep's reports are {@link #lockdep}'s. */
    static List<String> splats(List<String> dmesg, int from) {
        List<String> found = new ArrayList<>();
        for (String line : dmesg.subList(Math.min(from, dmesg.size()), dmesg.size())) {
            if (!LockdepReports.isTitle(line) && (line.contains("WARNING:") || line.contains("BUG:") || line.contains("Oops"))) {
                found.add(line);
            }
        }
        return found;
    }

    /** Lockdep's reports since line {@code from}, one summary line each (see {@link LockdepReports}). */
    static List<String> lockdep(List<String> dmesg, int from) {
        return LockdepReports.summaries(dmesg, from);
    }
}
