package org.hotplugemu.core.state;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;
import org.hotplugemu.api.driver.CpuMask;

/** A cpumask safe to read and write from any emulated thread under either engine. */
final class AtomicCpuMask implements CpuMask {
    private final int nrCpus;
    private final AtomicLongArray words;
    private final AtomicInteger weight = new AtomicInteger();

    AtomicCpuMask(int nrCpus) {
        this.nrCpus = nrCpus;
        this.words = new AtomicLongArray((nrCpus + 63) / 64);
    }

    void set(int cpu, boolean value) {
        int index = cpu >>> 6;
        long bit = 1L << (cpu & 63);
        while (true) {
            long old = words.get(index);
            long updated = value ? old | bit : old & ~bit;
            if (old == updated) {
                return;
            }
            if (words.compareAndSet(index, old, updated)) {
                weight.addAndGet(value ? 1 : -1);
                return;
            }
        }
    }

    @Override
    public boolean test(int cpu) {
        if (cpu < 0 || cpu >= nrCpus) {
            return false;
        }
        return (words.get(cpu >>> 6) & (1L << (cpu & 63))) != 0;
    }

    @Override
    public int weight() {
        return weight.get();
    }

    @Override
    public IntStream stream() {
        return IntStream.range(0, nrCpus).filter(this::test);
    }

    @Override
    public int first() {
        for (int index = 0; index < words.length(); index++) {
            long word = words.get(index);
            if (word != 0) {
                return index * 64 + Long.numberOfTrailingZeros(word);
            }
        }
        return -1;
    }

    @Override
    public int next(int cpu) {
        int from = Math.max(0, cpu + 1);
        for (int index = from >>> 6; index < words.length(); index++) {
            long word = words.get(index);
            if (index == from >>> 6) {
                word &= -1L << (from & 63);
            }
            if (word != 0) {
                int found = index * 64 + Long.numberOfTrailingZeros(word);
                return found < nrCpus ? found : -1;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return toCpuList();
    }
}
