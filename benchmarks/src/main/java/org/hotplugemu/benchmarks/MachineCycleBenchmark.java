package org.hotplugemu.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.driver.MachineDrivers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One offline+online cycle of CPU 1 on a 4-CPU x86 machine (its default profile, stock drivers), as
 * {@code echo 0 > cpu1/online; echo 1 > cpu1/online}, per engine, with cpuhp tracing off or on.
 * The {@code threads} engine runs modelled time twenty times faster than real time: about 6.8 ms
 * of its figure are the kernel delays the profile models for a cycle (136 ms of engine time).
 * {@link #offlineOnline} writes from the benchmark's Java thread (two calls into the engine);
 * {@link #tortureOnoff} runs the cycles as the kernel's {@code torture_onoff} does, in a loop in one
 * emulated thread, which is what {@code bench} compares with its floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MachineCycleBenchmark {
    private static final String CPU1_ONLINE = "/sys/devices/system/cpu/cpu1/online";

    @Param({"sim", "threads"})
    public String engine;

    @Param({"false", "true"})
    public boolean traced;

    private Machine machine;

    @Setup(Level.Trial)
    public void boot() {
        machine = new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(4).engine(engine)
                .commandLine(engine.equals("threads") ? "emu.time_scale=0.05 emu.hung_task_timeout_secs=1000000" : "")
                .driverProviders(MachineDrivers.installed()).build();
        machine.boot();
        if (traced) {
            machine.write("/sys/kernel/tracing/events/cpuhp/enable", "1\n");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        machine.close();
    }

    /** Cycles per {@link #tortureOnoff} invocation. */
    private static final int LOOP = 100;

    @Benchmark
    @OperationsPerInvocation(LOOP)
    public void tortureOnoff() {
        machine.execute("torture_onoff", 0, () -> {
            for (int i = 0; i < LOOP; i++) {
                offlineOnline();
            }
            return null;
        });
    }

    @Benchmark
    public void offlineOnline() {
        machine.write(CPU1_ONLINE, "0\n");
        machine.write(CPU1_ONLINE, "1\n");
    }
}
