package org.hotplugemu.core.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * The JVM ran out of Java heap while emulating: says how big the heap is and how to raise it, and
 * tells a stall caused by a full heap from a real soft lockup. Experimental.
 */
public final class OutOfHeap {
    private static final long MIB = 1024 * 1024;
    /** Built at class load so that reporting needs no allocation beyond the exception itself. */
    private static final String MESSAGE = buildMessage(Runtime.getRuntime().maxMemory());
    /** What {@link #failure} returns when even the exception cannot be allocated. */
    private static final HotplugException PREALLOCATED = new HotplugException(Errno.ENOMEM, MESSAGE);
    /** Heap still in use after the last collection, as a fraction of the maximum, that counts as full. */
    private static final double FULL = 0.9;

    private static volatile boolean happened;

    private OutOfHeap() {
    }

    /**
     * Whether an engine of this JVM reported an exhausted heap: its parked threads may still hold the
     * heap, so a command-line tool should then end with {@code Runtime.halt} rather than
     * {@code System.exit}, whose shutdown could stall for want of memory.
     */
    public static boolean happened() {
        return happened;
    }

    /**
     * Returns the message for a JVM whose heap is exhausted, e.g. {@code the JVM ran out of Java heap
     * (maximum 64 MiB); raise it with HOTPLUG_EMU_OPTS=-Xmx256m, or fewer --cpus}.
     */
    public static String message() {
        return MESSAGE;
    }

    /** Returns the failure an operation reports when the heap ran out: {@code ENOMEM} with {@link #message()}. */
    public static HotplugException failure(Throwable cause) {
        happened = true;
        try {
            return new HotplugException(Errno.ENOMEM, MESSAGE, cause);
        } catch (OutOfMemoryError stillFull) {
            return PREALLOCATED;
        }
    }

    static String buildMessage(long maxBytes) {
        long maxMib = Math.max(1, maxBytes / MIB);
        long suggested = Long.highestOneBit(maxMib * 4 - 1) << 1;
        return "the JVM ran out of Java heap (maximum " + maxMib + " MiB): raise it, e.g. HOTPLUG_EMU_OPTS=-Xmx"
                + (suggested >= 1024 ? suggested / 1024 + "g" : suggested + "m")
                + " hotplug-emu ... (java -Xmx... when embedding), or emulate fewer CPUs";
    }

    /** Whether the heap still in use after the last garbage collection is close to the maximum. */
    static boolean nearlyExhausted() {
        Runtime runtime = Runtime.getRuntime();
        long max = runtime.maxMemory();
        if (max == Long.MAX_VALUE || runtime.totalMemory() - runtime.freeMemory() < FULL * max) {
            return false; // not even counting garbage is the heap that full: spare loading the management beans
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used > FULL * max;
    }
}
