package org.hotplugemu.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.driver.MachineDrivers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code cpuhp_setup_state} of a dynamic ONLINE state with an empty startup over every online CPU
 * of a booted 8192-CPU x86 machine, loaded as a driver ({@code insmod}) and unloaded after each shot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SetupStateBenchmark {
    @Param({"8192"})
    public int cpus;

    private Machine machine;

    @Setup(Level.Trial)
    public void boot() {
        machine = new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(cpus)
                .driverProviders(MachineDrivers.installed()).build();
        machine.boot();
    }

    @TearDown(Level.Invocation)
    public void unload() {
        machine.control().unloadDriver(OnlineDriver.NAME);
    }

    @TearDown(Level.Trial)
    public void close() {
        machine.close();
    }

    @Benchmark
    public void setupState() {
        machine.control().loadDriver(new OnlineDriver());
    }

    /** Registers one dynamic ONLINE state with an empty startup; unregistering removes it. */
    static final class OnlineDriver implements HotplugDriver {
        static final String NAME = "bench_setup_state";
        private int state = -1;

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public void register(DriverContext context) {
            state = context.hotplug().setupState(context.hotplug().state("CPUHP_AP_ONLINE_DYN"), "bench:online",
                    Callback.of("bench_online", cpu -> { }), null);
        }

        @Override
        public void unregister(DriverContext context) {
            context.hotplug().removeState(state);
        }
    }
}
