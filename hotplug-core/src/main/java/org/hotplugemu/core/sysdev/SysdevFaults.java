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
    /** The handler the next request fails, as {@code OPERATION PHASE NAME}, or null: the framework's own fail injection. */
    private String failHandler;

    public synchronized void arm(SysdevFault fault, int cpu) {
        armed.computeIfAbsent(fault, f -> new TreeSet<>()).add(cpu);
    }

    /** Disarms one fault (for every CPU it was armed for). */
    public synchronized void clear(SysdevFault fault) {
        armed.remove(fault);
    }

    public synchronized void clearAll() {
        armed.clear();
        failHandler = null;
    }

    /** Makes the next call of one handler fail with EAGAIN instead of running, once (as {@code cpuhp}'s {@code fail} file does for a state). */
    public synchronized void armHandler(HotplugOperation operation, HotplugPhase phase, String name) {
        failHandler = key(operation, phase, name);
    }

    public synchronized void clearHandler() {
        failHandler = null;
    }

    /** Returns the armed handler as {@code add execute cpu}, or an empty string. */
    public synchronized String armedHandler() {
        return failHandler == null ? "" : failHandler;
    }

    /** Returns whether this call of the handler must fail, disarming it if so. */
    synchronized boolean takeHandler(HotplugOperation operation, HotplugPhase phase, String name) {
        if (key(operation, phase, name).equals(failHandler)) {
            failHandler = null;
            return true;
        }
        return false;
    }

    private static String key(HotplugOperation operation, HotplugPhase phase, String name) {
        return operation.name().toLowerCase(java.util.Locale.ROOT) + " " + phase.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
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
