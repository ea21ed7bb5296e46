package org.hotplugemu.distribution.torture;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds lockdep's reports in the kernel log, as the kernel's torture scripts grep the console for
 * them: each becomes one line naming the report, the task, the lock it was taking and the lock it
 * held, e.g. {@code possible circular locking dependency detected: sh/14 is trying to acquire
 * (cpu_hotplug_lock){++++}-{0:0}, at: cpus_read_lock while holding (foo_mutex){+.+.}-{3:3}, at: ...}.
 */
public final class LockdepReports {
    private static final List<String> TITLES = List.of("WARNING: possible circular locking dependency detected",
            "WARNING: possible recursive locking detected");

    private LockdepReports() {
    }

    /** Returns whether {@code line} (with or without its time stamp) is the title line of a lockdep report. */
    public static boolean isTitle(String line) {
        return TITLES.contains(withoutTime(line));
    }

    /** One summary per report in {@code dmesg} from line {@code from} on. */
    public static List<String> summaries(List<String> dmesg, int from) {
        List<String> found = new ArrayList<>();
        List<String> lines = dmesg.subList(Math.min(from, dmesg.size()), dmesg.size()).stream().map(LockdepReports::withoutTime).toList();
        for (int i = 0; i < lines.size(); i++) {
            if (TITLES.contains(lines.get(i))) {
                String title = lines.get(i).substring("WARNING: ".length());
                found.add(title + ": " + after(lines, i, " is trying to acquire lock:") + " while holding " + after(lines, i, "but task is already holding lock:"));
            }
        }
        return found;
    }

    /** The full text of each report in {@code dmesg} from line {@code from} on, one string per report, lines without time stamps. */
    public static List<String> reports(List<String> dmesg, int from) {
        List<String> found = new ArrayList<>();
        List<String> lines = dmesg.subList(Math.min(from, dmesg.size()), dmesg.size()).stream().map(LockdepReports::withoutTime).toList();
        for (int i = 0; i < lines.size(); i++) {
            if (TITLES.contains(lines.get(i))) {
                // From the rule above the title to the last frame of the call trace after "stack backtrace:".
                int end = lines.subList(i, lines.size()).indexOf("stack backtrace:");
                end = end < 0 ? lines.size() - 1 : i + end + 2; // the CPU: line, then the Call Trace: line
                while (end + 1 < lines.size() && lines.get(end + 1).startsWith(" ")) {
                    end++;
                }
                found.add(String.join("\n", lines.subList(Math.max(0, i - 1), Math.min(lines.size(), end + 1))));
            }
        }
        return found;
    }

    /** A dmesg line without its {@code [    1.234567] } time stamp. */
    private static String withoutTime(String line) {
        int end = line.indexOf("] ");
        return line.startsWith("[") && end > 0 ? line.substring(end + 2) : line;
    }

    /** The task (for the acquire) and the lock the report names after the line ending with {@code label}. */
    private static String after(List<String> lines, int title, String label) {
        for (int i = title; i < Math.min(lines.size() - 1, title + 12); i++) {
            String line = lines.get(i);
            if (line.endsWith(label)) {
                String who = label.startsWith(" is trying") ? line.substring(0, line.length() - label.length()) + " is trying to acquire " : "";
                String lock = lines.get(i + 1);
                int open = lock.indexOf(" (");
                return who + (open >= 0 ? lock.substring(open + 1) : lock);
            }
        }
        return "?";
    }
}
