package org.hotplugemu.api.kernel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * An immutable set of CPU numbers: a snapshot of one of the kernel's CPU masks taken when it was
 * asked for. It never changes afterwards and offers no way to change the mask it came from.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CpuSet {
    private final long[] words;

    private CpuSet(BitSet bits) {
        this.words = bits.toLongArray();
    }

    /** Returns the set of these CPUs. */
    public static CpuSet of(int... cpus) {
        BitSet bits = new BitSet();
        for (int cpu : cpus) {
            if (cpu < 0) {
                throw new IllegalArgumentException("CPU numbers are not negative: " + cpu);
            }
            bits.set(cpu);
        }
        return new CpuSet(bits);
    }

    /** Returns the set of the CPUs {@code cpus} yields. */
    public static CpuSet of(IntStream cpus) {
        return of(cpus.toArray());
    }

    /** Returns whether {@code cpu} is in the set ({@code cpumask_test_cpu}); false for negative numbers. */
    public boolean contains(int cpu) {
        return cpu >= 0 && BitSet.valueOf(words).get(cpu);
    }

    /** Returns how many CPUs are in the set ({@code cpumask_weight}). */
    public int size() {
        return BitSet.valueOf(words).cardinality();
    }

    /** Returns whether the set is empty. */
    public boolean isEmpty() {
        return words.length == 0;
    }

    /** Returns the CPUs in ascending order. */
    public IntStream stream() {
        return BitSet.valueOf(words).stream();
    }

    /** Returns the lowest CPU, or -1 when the set is empty ({@code cpumask_first}). */
    public int first() {
        return BitSet.valueOf(words).nextSetBit(0);
    }

    /** Returns the set as sysfs prints a cpulist, e.g. {@code 0,2-3} (no newline; empty when empty). */
    public String toCpuList() {
        StringBuilder out = new StringBuilder();
        BitSet bits = BitSet.valueOf(words);
        for (int start = bits.nextSetBit(0); start >= 0; start = bits.nextSetBit(start + 1)) {
            int end = bits.nextClearBit(start) - 1;
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(start);
            if (end > start) {
                out.append('-').append(end);
            }
            start = end;
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CpuSet set && Arrays.equals(words, set.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "CpuSet[" + toCpuList() + "]";
    }
}
