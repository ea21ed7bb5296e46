package org.hotplugemu.tracing;

import java.util.Arrays;
import java.util.List;

/**
 * One CPU's ring buffer: a fixed number of bytes that, when full, overwrites its oldest entries
 * and counts them as lost. Entries are kept column-wise so that recording allocates nothing but
 * the occasional growth of the columns.
 */
final class RingBuffer {
    private static final int INITIAL_CAPACITY = 64;

    private final int cpu;
    private long capacityBytes;
    private long usedBytes;
    private int head;
    private int count;
    private long written;
    private long[] timestamps = new long[0];
    private int[] pids = new int[0];
    private int[] sizes = new int[0];
    private long[] sequences = new long[0];
    private boolean[] irqsOff = new boolean[0];
    private String[] comms = new String[0];
    private RegisteredEvent[] events = new RegisteredEvent[0];
    private Object[][] values = new Object[0][];

    RingBuffer(int cpu, long capacityBytes) {
        this.cpu = cpu;
        this.capacityBytes = capacityBytes;
    }

    synchronized void add(RegisteredEvent event, Object[] fieldValues, long timestamp, String comm, int pid,
            boolean irqs, long sequence) {
        int size = event.entrySize(fieldValues);
        written++;
        if (size > capacityBytes) {
            return; // larger than the whole buffer: written, and lost at once
        }
        while (usedBytes + size > capacityBytes) {
            dropOldest();
        }
        if (count == timestamps.length) {
            grow();
        }
        int slot = (head + count) % timestamps.length;
        timestamps[slot] = timestamp;
        pids[slot] = pid;
        sizes[slot] = size;
        sequences[slot] = sequence;
        irqsOff[slot] = irqs;
        comms[slot] = comm;
        events[slot] = event;
        values[slot] = fieldValues;
        count++;
        usedBytes += size;
    }

    private void dropOldest() {
        usedBytes -= sizes[head];
        comms[head] = null;
        events[head] = null;
        values[head] = null;
        head = (head + 1) % timestamps.length;
        count--;
    }

    private void grow() {
        int capacity = Math.max(INITIAL_CAPACITY, timestamps.length * 2);
        timestamps = unroll(timestamps, capacity);
        pids = unroll(pids, capacity);
        sizes = unroll(sizes, capacity);
        sequences = unroll(sequences, capacity);
        irqsOff = unroll(irqsOff, capacity);
        comms = unroll(comms, capacity);
        events = unroll(events, capacity);
        values = unroll(values, capacity);
        head = 0;
    }

    /** Copies the live entries of {@code array}, oldest first, into a new array of {@code capacity}. */
    @SuppressWarnings("SuspiciousSystemArraycopy")
    private <T> T unroll(T array, int capacity) {
        int length = java.lang.reflect.Array.getLength(array);
        @SuppressWarnings("unchecked")
        T copy = (T) java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), capacity);
        int first = Math.min(count, length - head);
        System.arraycopy(array, head, copy, 0, first);
        System.arraycopy(array, 0, copy, first, count - first);
        return copy;
    }

    /** Appends a record for each entry, oldest first. */
    synchronized void snapshot(List<TraceRecord> out) {
        for (int i = 0; i < count; i++) {
            int slot = (head + i) % timestamps.length;
            out.add(new TraceRecord(events[slot], values[slot], timestamps[slot], cpu, sequences[slot],
                    comms[slot], pids[slot], irqsOff[slot]));
        }
    }

    /** Empties the buffer, resets its counters and sets its size. */
    synchronized void reset(long newCapacityBytes) {
        capacityBytes = newCapacityBytes;
        usedBytes = 0;
        head = 0;
        count = 0;
        written = 0;
        Arrays.fill(comms, null);
        Arrays.fill(events, null);
        Arrays.fill(values, null);
    }

    synchronized long entries() {
        return count;
    }

    synchronized long written() {
        return written;
    }
}
