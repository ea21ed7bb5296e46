package org.hotplugemu.api.kernel;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.BitSet;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * A set of CPU numbers in the kernel's cpulist form, {@code "0-2,4"}: what {@code %*pbl}
 * ({@code bitmap_list_string}) prints and {@code bitmap_parselist} reads, for sysfs masks, topology
 * sibling lists and command-line parameters alike. Immutable.
 */
@API(status = STABLE, since = "0.1")
public final class CpuList {
    private static final CpuList EMPTY = new CpuList(new BitSet());

    private final BitSet cpus;

    private CpuList(BitSet cpus) {
        this.cpus = cpus;
    }

    /** Returns the list of the given CPU numbers (any order, repeats allowed). */
    public static CpuList of(IntStream cpus) {
        BitSet set = new BitSet();
        cpus.forEach(set::set);
        return new CpuList(set);
    }

    /** Returns the list of the given CPU numbers. */
    public static CpuList of(int... cpus) {
        return of(IntStream.of(cpus));
    }

    /** Returns a list of the bits set in {@code cpus} (copied). */
    public static CpuList of(BitSet cpus) {
        return new CpuList((BitSet) cpus.clone());
    }

    /** Returns the list that names no CPU. */
    public static CpuList empty() {
        return EMPTY;
    }

    /**
     * Parses {@code text} as {@code bitmap_parselist(text, mask, nbits)} does: regions separated
     * by commas or white space, each {@code A}, {@code A-B} or {@code A-B:used/group} (and
     * {@code all}, optionally with a group), where {@code N} stands for the last bit; a trailing
     * newline ends the list; an empty text is the empty list.
     *
     * @throws HotplugException EINVAL for bad syntax, a range that runs backwards or a bad group,
     *         ERANGE for a CPU not below {@code nbits}, EOVERFLOW for a number beyond 32 bits
     */
    public static CpuList parse(String text, int nbits) {
        return new CpuList(new CpuListParser(text, nbits).parse());
    }

    /** Returns whether {@code cpu} is in the list. */
    public boolean contains(int cpu) {
        return cpu >= 0 && cpus.get(cpu);
    }

    /** Returns whether the list names no CPU. */
    public boolean isEmpty() {
        return cpus.isEmpty();
    }

    /** Returns whether the two lists name a CPU in common. */
    public boolean intersects(CpuList other) {
        return cpus.intersects(other.cpus);
    }

    /** Returns the CPU numbers in ascending order. */
    public IntStream stream() {
        return cpus.stream();
    }

    /** Returns a copy of the set of CPU numbers. */
    public BitSet toBitSet() {
        return (BitSet) cpus.clone();
    }

    /**
     * Returns the list as {@code %*pbl} prints it: ascending runs, a run of two or more as
     * {@code first-last}, runs separated by commas, no newline; the empty list is {@code ""}.
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        int first = cpus.nextSetBit(0);
        while (first >= 0) {
            int end = cpus.nextClearBit(first);
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(first);
            if (end - 1 > first) {
                out.append('-').append(end - 1);
            }
            first = cpus.nextSetBit(end);
        }
        return out.toString();
    }

    /** Same as {@link #format()}. */
    @Override
    public String toString() {
        return format();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CpuList list && list.cpus.equals(cpus);
    }

    @Override
    public int hashCode() {
        return cpus.hashCode();
    }
}
