package org.hotplugemu.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes lockdep's reports line by line in the kernel's shape ({@code print_circular_bug},
 * {@code print_deadlock_bug}): the lock being taken, the lock held, the dependency chain with the
 * emulated call chain of each edge, the unsafe scenario, every lock the task holds and its own call
 * trace. Addresses are made up; call chains are function names without offsets.
 */
final class LockdepReport {
    /** What a report is headed and ended with: the kernel ident line and the architecture's call-trace style. */
    record Style(String kernelIdent, boolean x86) {
    }

    private LockdepReport() {
    }

    /** {@code print_deadlock_bug}: {@code next} is of a class {@code self} already holds as {@code prev}. */
    static List<String> recursive(Task self, HeldLock prev, HeldLock next, List<String> trace, Style style) {
        List<String> lines = new ArrayList<>();
        String rule = "-".repeat(44);
        header(lines, "=".repeat(44), "WARNING: possible recursive locking detected", rule, style);
        lines.add(self.name + "/" + self.pid + " is trying to acquire lock:");
        lines.add(lock(next));
        lines.add("");
        lines.add("but task is already holding lock:");
        lines.add(lock(prev));
        lines.add("");
        lines.add("other info that might help us debug this:");
        lines.add(" Possible unsafe locking scenario:");
        lines.add("");
        lines.add("       CPU0");
        lines.add("       ----");
        lines.add("  lock(" + prev.lock().lockClass().name + ");");
        lines.add("  lock(" + next.lock().lockClass().name + ");");
        lines.add("");
        lines.add(" *** DEADLOCK ***");
        lines.add("");
        lines.add(" May be due to missing lock nesting notation");
        lines.add("");
        footer(lines, self, trace, style);
        return lines;
    }

    /**
     * {@code print_circular_bug}: taking {@code next} while holding {@code prev}, where {@code path}
     * leads from {@code next}'s class back to {@code prev}'s; {@code trace} is this acquisition's.
     */
    static List<String> circular(Task self, HeldLock next, HeldLock prev, List<Dependency> path, List<String> trace, Style style) {
        List<String> lines = new ArrayList<>();
        String rule = "-".repeat(54);
        header(lines, "=".repeat(54), "WARNING: possible circular locking dependency detected", rule, style);
        lines.add(self.name + "/" + self.pid + " is trying to acquire lock:");
        lines.add(lock(next));
        lines.add("");
        lines.add("but task is already holding lock:");
        lines.add(lock(prev));
        lines.add("");
        lines.add("which lock already depends on the new lock.");
        lines.add("");
        lines.add("");
        lines.add("the existing dependency chain (in reverse order) is:");
        for (int depth = path.size(); depth >= 1; depth--) {
            Dependency edge = path.get(depth - 1);
            entry(lines, depth, edge.to(), edge.trace());
        }
        LockClass source = next.lock().lockClass();
        entry(lines, 0, source, trace);
        lines.add("");
        lines.add("other info that might help us debug this:");
        lines.add("");
        LockClass target = prev.lock().lockClass();
        LockClass parent = path.size() > 1 ? path.get(path.size() - 2).to() : source;
        if (parent != source) {
            lines.add("Chain exists of:");
            lines.add("  " + source.name + " --> " + parent.name + " --> " + target.name);
            lines.add("");
        }
        lines.add(" Possible unsafe locking scenario:");
        lines.add("");
        lines.add("       CPU0                    CPU1");
        lines.add("       ----                    ----");
        lines.add("  " + (prev.read() ? "rlock(" : "lock(") + target.name + ");");
        lines.add("                               lock(" + parent.name + ");");
        lines.add("                               lock(" + target.name + ");");
        lines.add("  " + (next.read() ? "rlock(" : "lock(") + source.name + ");");
        lines.add("");
        lines.add(" *** DEADLOCK ***");
        lines.add("");
        footer(lines, self, trace, style);
        return lines;
    }

    private static void header(List<String> lines, String top, String title, String rule, Style style) {
        lines.add("");
        lines.add(top);
        lines.add(title);
        lines.add(style.kernelIdent());
        lines.add(rule);
    }

    private static void entry(List<String> lines, int depth, LockClass lockClass, List<String> trace) {
        lines.add("");
        lines.add("-> #" + depth + " " + lockClass.describe() + ":");
        for (String function : trace) {
            lines.add("       " + function);
        }
    }

    /** {@code lockdep_print_held_locks}, then {@code dump_stack} of the current task. */
    private static void footer(List<String> lines, Task self, List<String> trace, Style style) {
        int depth = self.heldDepth;
        String task = self.name + "/" + self.pid;
        if (depth == 0) {
            lines.add("no locks held by " + task + ".");
        } else {
            lines.add(depth + " lock" + (depth > 1 ? "s" : "") + " held by " + task + ":");
            for (int i = 0; i < depth; i++) {
                lines.add(" #" + i + ": " + lock(self.heldLocks[i]));
            }
        }
        lines.add("");
        lines.add("stack backtrace:");
        String ident = style.kernelIdent();
        // dump_stack prints "Not tainted 6.1.0 #1" where the header says "6.1.0 #1 Not tainted".
        String taint = ident.endsWith(" Not tainted") ? "Not tainted " + ident.substring(0, ident.length() - " Not tainted".length()) : ident;
        lines.add("CPU: " + self.cpu + " PID: " + self.pid + " Comm: " + self.name + " " + taint);
        lines.add(style.x86() ? "Call Trace:" : "Call trace:");
        if (style.x86()) {
            lines.add(" <TASK>");
        }
        for (String function : trace) {
            lines.add(" " + function);
        }
        if (style.x86()) {
            lines.add(" </TASK>");
        }
    }

    private static String lock(HeldLock held) {
        return held.lock().describe() + ", at: " + held.at();
    }
}
