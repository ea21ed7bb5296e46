package org.hotplugemu.distribution.bench;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * How much work {@code hotplug-emu bench} does: handoffs per probe; offline/online cycles under
 * {@code sim} (after {@code warmupCycles} for the JIT) and under {@code threads}, each count split
 * into {@link #BLOCKS} timed blocks; and the machine sizes booted, smallest first (setup_state runs
 * on the largest). Experimental.
 */
public record BenchPlan(int handoffs, int warmupCycles, int cycles, int threadsCycles, List<Integer> bootCpus) {
    /** Cycles are timed in this many blocks; the median block is reported, which shrugs off noise. */
    public static final int BLOCKS = 11;

    public BenchPlan {
        bootCpus = List.copyOf(bootCpus);
        if (handoffs < 2 || warmupCycles < 0 || cycles < BLOCKS || threadsCycles < BLOCKS || bootCpus.isEmpty()) {
            throw new HotplugException(Errno.EINVAL, "bench plan " + handoffs + "/" + warmupCycles + "/" + cycles + "/"
                    + threadsCycles + "/" + bootCpus + " needs at least 2 handoffs, " + BLOCKS
                    + " cycles per engine and one machine size");
        }
    }

    /** The default run: under a minute on two cores; the JIT needs about 10 000 cycles to settle. */
    public static BenchPlan standard() {
        return new BenchPlan(400_000, 12_000, 5_500, 550, List.of(64, 512, 4096, 8192));
    }

    /** A seconds-long smoke run: 64 CPUs only, few iterations; the figures are rough. */
    public static BenchPlan quick() {
        return new BenchPlan(2_000, 5, BLOCKS, BLOCKS, List.of(64));
    }

    /** Returns how many times each start-up command is timed: five in the standard run (the median), one in a quick one. */
    public int startupRuns() {
        return handoffs >= 100_000 ? 5 : 1;
    }

    /** Returns the largest machine size, the one setup_state runs on. */
    public int largestMachine() {
        return bootCpus.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
