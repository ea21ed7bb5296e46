package org.hotplugemu.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.driver.MachineDrivers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Wall-clock time to build and boot an x86 machine of 64 to 8192 CPUs (NR_CPUS) with the stock
 * drivers under {@code sim}. Single shots: each is a whole boot. Heap: {@code -prof gc}, or
 * {@code hotplug-emu bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MachineBootBenchmark {
    @Param({"64", "512", "4096", "8192"})
    public int cpus;

    @Benchmark
    public int buildAndBoot() {
        try (Machine machine = new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(cpus)
                .driverProviders(MachineDrivers.installed()).build()) {
            machine.boot();
            return machine.cpus();
        }
    }
}
