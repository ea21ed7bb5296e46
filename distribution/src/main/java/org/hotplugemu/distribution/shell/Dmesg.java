package org.hotplugemu.distribution.shell;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hotplugemu.api.kernel.KernelLog.Level;
import org.hotplugemu.core.machine.KernelLogEntry;

/**
 * {@code dmesg [-r] [-c|-C] [-l LEVELS]}, with util-linux's meanings: {@code -l err,warn} keeps
 * those levels ({@code err+} adds the more severe ones, {@code +err} the less severe ones),
 * {@code -r} prints each line's level raw ({@code <3>[...] ...}), {@code -c} clears the log after
 * printing it, {@code -C} clears it without printing.
 */
final class Dmesg implements Builtin {
    /** What the options ask for. */
    record Options(Set<Level> levels, boolean raw, boolean clearAfter, boolean print) {
    }

    @Override
    public String usage() {
        return "dmesg [-r] [-c|-C] [-l LEVELS]  print the kernel log (-l err,warn+: levels; -r: raw <N>; -c: then clear; -C: clear)";
    }

    @Override
    public void validate(List<String> arguments) {
        parse(arguments);
    }

    @Override
    public int run(List<String> arguments, CommandIo io) {
        Options options = parse(arguments);
        if (options.print()) {
            for (KernelLogEntry entry : io.machine().kernelLog()) {
                if (options.levels().contains(entry.level())) {
                    io.out().append(options.raw() ? entry.formatRaw() : entry.format()).append('\n');
                }
            }
        }
        if (options.clearAfter()) {
            io.machine().clearKernelLog();
        }
        return 0;
    }

    /** Parses the options, clustered ({@code -rc}) or apart, long or short. */
    static Options parse(List<String> arguments) {
        Set<Level> levels = EnumSet.allOf(Level.class);
        boolean raw = false;
        boolean clear = false;
        boolean print = true;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--raw")) {
                raw = true;
            } else if (argument.equals("--read-clear")) {
                clear = true;
            } else if (argument.equals("--clear")) {
                clear = true;
                print = false;
            } else if (argument.startsWith("--level=")) {
                levels = levels(argument.substring("--level=".length()));
            } else if (argument.equals("--level")) {
                levels = levels(operand(arguments, ++i));
            } else if (argument.startsWith("-") && !argument.startsWith("--") && argument.length() > 1) {
                for (int c = 1; c < argument.length(); c++) {
                    switch (argument.charAt(c)) {
                        case 'r' -> raw = true;
                        case 'c' -> clear = true;
                        case 'C' -> {
                            clear = true;
                            print = false;
                        }
                        case 'l' -> {
                            String rest = argument.substring(c + 1);
                            levels = levels(rest.isEmpty() ? operand(arguments, ++i) : rest);
                            c = argument.length();
                        }
                        default -> throw new ScriptSyntaxException("dmesg: invalid option -- '" + argument.charAt(c)
                                + "' (supported: -l LEVELS, -r, -c, -C)");
                    }
                }
            } else {
                throw new ScriptSyntaxException("dmesg: unexpected argument '" + argument + "' (supported: -l LEVELS, -r, -c, -C)");
            }
        }
        return new Options(levels, raw, clear, print);
    }

    private static String operand(List<String> arguments, int index) {
        if (index >= arguments.size()) {
            throw new ScriptSyntaxException("dmesg: option requires an argument -- 'l'");
        }
        return arguments.get(index);
    }

    /** Parses {@code err,warn}, {@code err+} (err and more severe) and {@code +err} (err and less severe). */
    static Set<Level> levels(String list) {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        for (String item : list.split(",", -1)) {
            boolean andMoreSevere = item.endsWith("+") && item.length() > 1;
            boolean andLessSevere = item.startsWith("+") && !andMoreSevere && item.length() > 1;
            String name = andMoreSevere ? item.substring(0, item.length() - 1) : andLessSevere ? item.substring(1) : item;
            Level level = Level.forLabel(name).orElseThrow(() -> new ScriptSyntaxException("dmesg: unknown level '" + item
                    + "' (levels: emerg, alert, crit, err, warn, notice, info, debug; err+ adds the more severe, +err the less)"));
            for (Level other : Level.values()) {
                boolean chosen = other == level
                        || (andMoreSevere && other.number() < level.number())
                        || (andLessSevere && other.number() > level.number());
                if (chosen) {
                    levels.add(other);
                }
            }
        }
        return levels;
    }
}
