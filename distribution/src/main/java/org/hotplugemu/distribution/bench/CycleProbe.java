package org.hotplugemu.distribution.bench;

import java.util.Arrays;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;

/**
 * A booted machine whose CPU 1 is taken offline and online again, as {@code echo 0/1 > cpu1/online}
 * does: by default the way the kernel's {@code torture_onoff} does it, a loop in one emulated
 * thread on CPU 0 (no crossing from Java into the engine per write); {@link #blockFromJava} writes
 * each file from the calling Java thread instead, each write a call into the engine.
 */
final class CycleProbe implements AutoCloseable {
    private static final String CPU1_ONLINE = "/sys/devices/system/cpu/cpu1/online";

    private final Machine machine;
    private final ProbeDriver probe = ProbeDriver.engineProbe();
    private long cycles;
    private long switches;
    private long engineNanos;

    /** Builds and boots the machine, with every cpuhp trace event on when {@code traced}. */
    CycleProbe(MachineBuilder builder, boolean traced) {
        machine = builder.build();
        try {
            machine.boot();
            if (traced) {
                machine.write("/sys/kernel/tracing/events/cpuhp/enable", "1\n");
            }
            machine.control().loadDriver(probe);
        } catch (RuntimeException e) {
            machine.close();
            throw e;
        }
    }

    /** Runs {@code count} untimed cycles both ways, e.g. to let the JIT compile the hot paths. */
    void warmUp(int count) {
        loop(count / 2);
        for (int i = 0; i < count / 2; i++) {
            cycle();
        }
    }

    /** Returns the wall-clock microseconds of one cycle: the median of {@code blocks} timed blocks. */
    double medianMicros(int count, int blocks) {
        double[] perCycle = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            perCycle[b] = block(count / blocks);
        }
        return median(perCycle);
    }

    /** Returns the middle value of {@code values} (the upper middle for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Times {@code count} cycles run as {@code torture_onoff} runs them and returns the microseconds per cycle. */
    double block(int count) {
        long before = probe.switches();
        long engineBefore = machine.nanoTime();
        long start = System.nanoTime();
        loop(count);
        long elapsed = System.nanoTime() - start;
        switches += probe.switches() - before;
        engineNanos += machine.nanoTime() - engineBefore;
        cycles += count;
        return elapsed / 1e3 / count;
    }

    /** Times {@code count} cycles written from the calling Java thread and returns the microseconds per cycle. */
    double blockFromJava(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            cycle();
        }
        return (System.nanoTime() - start) / 1e3 / count;
    }

    private void loop(int count) {
        machine.execute("torture_onoff", 0, () -> {
            for (int i = 0; i < count; i++) {
                cycle();
            }
            return null;
        });
    }

    /** Returns the engine time per cycle timed by {@link #block}, in microseconds: the delays the kernel's cycle is modelled to take. */
    double engineMicrosPerCycle() {
        return cycles == 0 ? 0 : engineNanos / 1e3 / cycles;
    }

    /** Returns the engine's thread switches per cycle timed by {@link #block}. */
    double switchesPerCycle() {
        return cycles == 0 ? 0 : (double) switches / cycles;
    }

    private void cycle() {
        machine.write(CPU1_ONLINE, "0\n");
        machine.write(CPU1_ONLINE, "1\n");
    }

    @Override
    public void close() {
        machine.close();
    }
}
