package org.hotplugemu.tracing;

import java.util.Arrays;
import java.util.List;

/**
 * One CPU's ring buffer: a fixed number of bytes that, when full, overwrites its oldest entries
 * and counts them as lost.
 *
 * <p>Entries are kept row-wise in two arrays, one of longs (timestamp, sequence, pid, size, flags
 * and up to {@link #FIELDS} numeric field values) and one of references (event, comm, string
 * fields), so that recording an event touches two adjacent regions of memory, copies the field
 * values in, and retains nothing the caller allocated. A full buffer holds tens of thousands of
 * entries: spreading each over a dozen column arrays, or keeping each caller's value array alive,
 * made tracing cost more than the hotplug operation it traced.
 */
final class RingBuffer {
    private static final int INITIAL_CAPACITY = 64;
    /** Field values stored inline per entry; events with more fields keep their value array. */
    private static final int FIELDS = 6;
    private static final int TIMESTAMP = 0;
    private static final int SEQUENCE = 1;
    /** pid in the high 32 bits, entry size in bytes in the low 27, preempt depth in bits 27-30, interrupts off in bit 31. */
    private static final int PID_SIZE_FLAGS = 2;
    private static final int LONG_FIELDS = 3;
    private static final int LONG_STRIDE = LONG_FIELDS + FIELDS;
    private static final int EVENT = 0;
    private static final int COMM = 1;
    /** The caller's value array, for events with more than {@link #FIELDS} fields. */
    private static final int WIDE = 2;
    private static final int REF_FIELDS = 3;
    private static final int REF_STRIDE = REF_FIELDS + FIELDS;
    private static final long IRQS_OFF = 1L << 31;
    private static final int PREEMPT_SHIFT = 27;
    private static final long SIZE_MASK = (1L << PREEMPT_SHIFT) - 1;

    private final int cpu;
    private long capacityBytes;
    private long usedBytes;
    private int head;
    private int count;
    private int capacity;
    private long written;
    private long[] longs = new long[0];
    private Object[] refs = new Object[0];

    RingBuffer(int cpu, long capacityBytes) {
        this.cpu = cpu;
        this.capacityBytes = capacityBytes;
    }

    synchronized void add(RegisteredEvent event, Object[] fieldValues, long timestamp, String comm, int pid,
            boolean irqs, int preemptDepth, long sequence) {
        int size = event.entrySize(fieldValues);
        written++;
        if (size > capacityBytes) {
            return; // larger than the whole buffer: written, and lost at once
        }
        while (usedBytes + size > capacityBytes) {
            dropOldest();
        }
        if (count == capacity) {
            grow();
        }
        int slot = head + count;
        if (slot >= capacity) {
            slot -= capacity;
        }
        int l = slot * LONG_STRIDE;
        int r = slot * REF_STRIDE;
        longs[l + TIMESTAMP] = timestamp;
        longs[l + SEQUENCE] = sequence;
        longs[l + PID_SIZE_FLAGS] = ((long) pid << 32) | size | ((long) Math.min(preemptDepth, 15) << PREEMPT_SHIFT) | (irqs ? IRQS_OFF : 0);
        refs[r + EVENT] = event;
        refs[r + COMM] = comm;
        if (fieldValues.length > FIELDS) {
            refs[r + WIDE] = fieldValues;
        }
        else {
            refs[r + WIDE] = null;
            for (int i = 0; i < fieldValues.length; i++) {
                if (fieldValues[i] instanceof Number number) {
                    longs[l + LONG_FIELDS + i] = number.longValue();
                    refs[r + REF_FIELDS + i] = null;
                }
                else {
                    refs[r + REF_FIELDS + i] = fieldValues[i];
                }
            }
        }
        count++;
        usedBytes += size;
    }

    private int size(int slot) {
        return (int) (longs[slot * LONG_STRIDE + PID_SIZE_FLAGS] & SIZE_MASK);
    }

    private void dropOldest() {
        usedBytes -= size(head);
        Arrays.fill(refs, head * REF_STRIDE, (head + 1) * REF_STRIDE, null);
        head = head + 1 == capacity ? 0 : head + 1;
        count--;
    }

    private void grow() {
        int grown = Math.max(INITIAL_CAPACITY, capacity * 2);
        longs = unroll(longs, new long[grown * LONG_STRIDE], LONG_STRIDE);
        refs = unroll(refs, new Object[grown * REF_STRIDE], REF_STRIDE);
        capacity = grown;
        head = 0;
    }

    /** Copies the live entries of {@code array}, oldest first, into {@code copy}. */
    private <T> T unroll(T array, T copy, int stride) {
        int first = Math.min(count, capacity - head);
        System.arraycopy(array, head * stride, copy, 0, first * stride);
        System.arraycopy(array, 0, copy, first * stride, (count - first) * stride);
        return copy;
    }

    /** Appends a record for each entry, oldest first. */
    synchronized void snapshot(List<TraceRecord> out) {
        for (int i = 0; i < count; i++) {
            int slot = (head + i) % capacity;
            int l = slot * LONG_STRIDE;
            int r = slot * REF_STRIDE;
            RegisteredEvent event = (RegisteredEvent) refs[r + EVENT];
            long pidSizeFlags = longs[l + PID_SIZE_FLAGS];
            out.add(new TraceRecord(event, values(event, l, r), longs[l + TIMESTAMP], cpu, longs[l + SEQUENCE],
                    (String) refs[r + COMM], (int) (pidSizeFlags >>> 32), (pidSizeFlags & IRQS_OFF) != 0,
                    (int) ((pidSizeFlags >>> PREEMPT_SHIFT) & 0xF)));
        }
    }

    private Object[] values(RegisteredEvent event, int l, int r) {
        if (refs[r + WIDE] != null) {
            return (Object[]) refs[r + WIDE];
        }
        Object[] values = new Object[event.definition().fields().size()];
        for (int i = 0; i < values.length; i++) {
            Object text = refs[r + REF_FIELDS + i];
            values[i] = text != null ? text : (Object) longs[l + LONG_FIELDS + i];
        }
        return values;
    }

    /** Empties the buffer, resets its counters and sets its size. */
    synchronized void reset(long newCapacityBytes) {
        capacityBytes = newCapacityBytes;
        usedBytes = 0;
        head = 0;
        count = 0;
        written = 0;
        Arrays.fill(refs, null);
    }

    synchronized long entries() {
        return count;
    }

    synchronized long written() {
        return written;
    }
}
