package org.hotplugemu.core.sysdev;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The armed {@link SysdevFault}s: per fault, the CPUs it applies to ({@code -1} for every CPU). */
public final class SysdevFaults {
    /** Arms a fault for every CPU. */
    public static final int ALL = -1;

    private final Map<SysdevFault, Set<Integer>> armed = new EnumMap<>(SysdevFault.class);

    public synchronized void arm(SysdevFault fault, int cpu) {
        armed.computeIfAbsent(fault, f -> new TreeSet<>()).add(cpu);
    }

    /** Disarms one fault (for every CPU it was armed for). */
    public synchronized void clear(SysdevFault fault) {
        armed.remove(fault);
    }

    public synchronized void clearAll() {
        armed.clear();
    }

    public synchronized boolean armed(SysdevFault fault, int cpu) {
        Set<Integer> cpus = armed.get(fault);
        return cpus != null && (cpus.contains(ALL) || cpus.contains(cpu));
    }

    /** Returns one line per armed fault, e.g. {@code ignore-eject 2}, {@code eject-fail all}. */
    public synchronized String render() {
        StringBuilder out = new StringBuilder();
        armed.forEach((fault, cpus) -> {
            out.append(fault.externalName());
            cpus.forEach(cpu -> out.append(' ').append(cpu == ALL ? "all" : Integer.toString(cpu)));
            out.append('\n');
        });
        return out.toString();
    }
}
