package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.core.machine.Machine;

/** The sysfs files a campaign reads and writes, as a shell script would. */
final class Cpus {
    static final String CPU = "/sys/devices/system/cpu/";
    static final String DEBUG = "/sys/kernel/debug/hotplug-emu/";

    private Cpus() {
    }

    static String onlineFile(int cpu) {
        return CPU + "cpu" + cpu + "/online";
    }

    static String failFile(int cpu) {
        return CPU + "cpu" + cpu + "/hotplug/fail";
    }

    static int state(Machine machine, int cpu) {
        return Integer.parseInt(machine.read(CPU + "cpu" + cpu + "/hotplug/state").strip());
    }

    static int target(Machine machine, int cpu) {
        return Integer.parseInt(machine.read(CPU + "cpu" + cpu + "/hotplug/target").strip());
    }

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
            if (!isLockdepTitle(line) && (line.contains("WARNING:") || line.contains("BUG:") || line.contains("Oops"))) {
                found.add(line);
            }
        }
        return found;
    }

    /**
     * Lockdep's reports since line {@code from}, one summary each: the title, the lock being taken
     * and the lock held, e.g. {@code possible circular locking dependency detected: sh/14 is trying
     * to acquire (cpu_hotplug_lock) ... while holding (foo_mutex) ...}.
     */
    static List<String> lockdep(List<String> dmesg, int from) {
        List<String> found = new ArrayList<>();
        List<String> lines = dmesg.subList(Math.min(from, dmesg.size()), dmesg.size());
        for (int i = 0; i < lines.size(); i++) {
            if (isLockdepTitle(lines.get(i))) {
                String title = lines.get(i).substring(lines.get(i).indexOf("possible "));
                String wanted = after(lines, i, "is trying to acquire lock:");
                String held = after(lines, i, "but task is already holding lock:");
                found.add(title + ": " + wanted + " while holding " + held);
            }
        }
        return found;
    }

    /** A dmesg line without its {@code [    1.234567] } time stamp. */
    private static String withoutTime(String line) {
        return line.startsWith("[") && line.indexOf("] ") > 0 ? line.substring(line.indexOf("] ") + 2) : line;
    }

    private static boolean isLockdepTitle(String line) {
        return line.endsWith("WARNING: possible circular locking dependency detected") || line.endsWith("WARNING: possible recursive locking detected");
    }

    /** The task and lock a report names after its line ending with {@code label}, within the next few lines. */
    private static String after(List<String> lines, int title, String label) {
        for (int i = title; i < Math.min(lines.size() - 1, title + 12); i++) {
            if (lines.get(i).endsWith(label)) {
                String line = withoutTime(lines.get(i));
                String who = label.startsWith("is trying") ? line.substring(0, line.indexOf(" is trying")) + " " : "";
                String lock = lines.get(i + 1);
                int open = lock.indexOf(" (");
                return who + (open >= 0 ? lock.substring(open + 1) : lock);
            }
        }
        return "?";
    }
}
