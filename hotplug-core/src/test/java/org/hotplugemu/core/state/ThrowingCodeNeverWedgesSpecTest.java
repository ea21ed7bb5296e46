package org.hotplugemu.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotplugemu.core.testing.TestingMachines.CPU;
import static org.hotplugemu.core.testing.TestingMachines.assertWriteFails;
import static org.hotplugemu.core.testing.TestingMachines.state;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.hotplugemu.core.testing.TestingDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec: whatever plugin code throws (Errors included) fails the step with EIO, is logged with its
 * cause and rolled back; no CPU is left between states and the machine keeps working.
 */
class ThrowingCodeNeverWedgesSpecTest {
    private static Stream<Arguments> throwablesOnBothEngines() {
        List<Supplier<Throwable>> throwables = List.of(
                () -> new AssertionError("driver assertion"),
                () -> new StackOverflowError(),
                () -> new OutOfMemoryError("Java heap space"),
                () -> new NoClassDefFoundError("org/hotplugemu/core/state/Hotplug"),
                () -> new IllegalStateException("driver bug"));
        return Stream.of("sim", "threads").flatMap(engine -> throwables.stream().map(t -> Arguments.of(engine, t.get())));
    }

    private static Machine boot(String engine, TestingArchitectureProvider provider, TestingDriver... drivers) {
        Machine machine = new MachineBuilder().architecture(provider).engine(engine).cpus(3).drivers(List.of(drivers)).build();
        machine.boot();
        return machine;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("throwablesOnBothEngines")
    void callbackThrowingAnythingFailsWithEioAndRollsBack(String engine, Throwable thrown) {
        boolean[] armed = {false, false};
        TestingDriver driver = TestingDriver.of("thrower", context -> {
            CpuHotplug api = context.hotplug();
            api.setupState(api.state("CPUHP_AP_ONLINE_DYN"), "test:thrower", Callback.of("thrower_up", cpu -> {
                if (armed[0]) {
                    throw sneaky(thrown);
                }
            }), Callback.of("thrower_down", cpu -> {
                if (armed[1]) {
                    throw sneaky(thrown);
                }
            }));
        });
        try (Machine machine = boot(engine, new TestingArchitectureProvider(), driver)) {
            armed[1] = true;
            assertWriteFails(machine, CPU + "/cpu1/online", "0\n", Errno.EIO);
            assertThat(state(machine, 1)).isEqualTo(236);
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("callback thrower_down failed with " + thrown.getClass().getName()));
            assertThat(machine.control().checkInvariants()).isEmpty();

            armed[1] = false;
            machine.write(CPU + "/cpu1/online", "0\n");
            armed[0] = true;
            assertWriteFails(machine, CPU + "/cpu1/online", "1\n", Errno.EIO);
            assertThat(state(machine, 1)).isZero();
            assertThat(machine.control().checkInvariants()).isEmpty();

            armed[0] = false;
            machine.write(CPU + "/cpu1/online", "1\n");
            machine.write(CPU + "/cpu2/online", "0\n");
            machine.write(CPU + "/cpu2/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("throwablesOnBothEngines")
    void architectureThrowingFromCpuDisableKeepsTheCpuOnline(String engine, Throwable thrown) {
        TestingArchitectureProvider provider = new TestingArchitectureProvider();
        try (Machine machine = boot(engine, provider)) {
            provider.last().throwOnDisable.put(1, thrown);
            assertWriteFails(machine, CPU + "/cpu1/online", "0\n", Errno.EIO);
            assertThat(state(machine, 1)).isEqualTo(236);
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("cpu_disable threw " + thrown.getClass().getName()));
            assertThat(machine.control().checkInvariants()).isEmpty();

            provider.last().throwOnDisable.clear();
            machine.write(CPU + "/cpu1/online", "0\n");
            machine.write(CPU + "/cpu1/online", "1\n");
            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("throwablesOnBothEngines")
    void architectureThrowingFromCpuDieStillLeavesTheCpuOffline(String engine, Throwable thrown) {
        TestingArchitectureProvider provider = new TestingArchitectureProvider();
        try (Machine machine = boot(engine, provider)) {
            provider.last().throwOnDie.put(1, thrown);
            machine.write(CPU + "/cpu1/online", "0\n");
            assertThat(state(machine, 1)).isZero();
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("cpu_die threw " + thrown.getClass().getName()));
            assertThat(machine.control().checkInvariants()).isEmpty();

            provider.last().throwOnDie.clear();
            machine.write(CPU + "/cpu1/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
