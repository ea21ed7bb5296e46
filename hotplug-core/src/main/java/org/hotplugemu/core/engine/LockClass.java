package org.hotplugemu.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A lockdep lock class: every lock created with the same name shares one, as every lock initialised
 * at one place shares a key in the kernel. Holds the class's edges of the dependency graph ("taken
 * while this one was held") and how it has been used, for the {@code {+.+.}} part of a report.
 */
final class LockClass {
    /** What the lock is, for the wait-type part of a report ({@code -{3:3}} for sleeping locks). */
    enum Kind {
        MUTEX("{3:3}"), RWSEM("{3:3}"), PERCPU_RWSEM("{0:0}"), MAP("{0:0}");

        final String waitType;

        Kind(String waitType) {
            this.waitType = waitType;
        }
    }

    final String name;
    final int id;
    final Kind kind;
    /** Graph lock: the dependencies "this class, then {@code to}", in the order first seen. */
    final List<Dependency> after = new ArrayList<>(2);
    /** Lock-free test of {@link #after} by class id, republished on every change. */
    private volatile long[] afterIds = new long[1];
    /** Ever taken for write, or for read, with interrupts enabled (lockdep's ENABLED_*IRQ bits). */
    volatile boolean enabledWrite;
    volatile boolean enabledRead;

    LockClass(String name, int id, Kind kind) {
        this.name = name;
        this.id = id;
        this.kind = kind;
    }

    boolean hasAfter(LockClass next) {
        long[] ids = afterIds;
        int word = next.id >>> 6;
        return word < ids.length && (ids[word] & (1L << next.id)) != 0;
    }

    /** Adds an edge; called with the graph lock held. */
    void addAfter(Dependency dependency) {
        after.add(dependency);
        int id = dependency.to().id;
        long[] ids = afterIds;
        long[] grown = java.util.Arrays.copyOf(ids, Math.max(ids.length, (id >>> 6) + 1));
        grown[id >>> 6] |= 1L << id;
        afterIds = grown;
    }

    /** The name with usage and wait type as lockdep prints it, e.g. {@code (cpu_hotplug_lock){++++}-{0:0}}. */
    String describe() {
        char write = enabledWrite ? '+' : '.';
        char read = enabledRead ? '+' : '.';
        return "(" + name + "){" + write + read + write + read + "}-" + kind.waitType;
    }

    @Override
    public String toString() {
        return name;
    }
}
