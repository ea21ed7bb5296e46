package org.hotplugemu.core.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared kernel parsers and the machine's one config check, seen through a machine on each engine. */
class MachineKernelInputTest {
    private static final String CPU = "/sys/devices/system/cpu";

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void onlineStoresReadKstrtobool(String engine) {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).engine(engine).build()) {
            machine.boot();
            machine.write(CPU + "/cpu1/online", "off\n");
            machine.write(CPU + "/cpu2/online", "false");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0,3\n");
            assertThat(machine.read(CPU + "/offline")).isEqualTo("1-2\n");
            machine.write(CPU + "/cpu1/online", "1abc");
            machine.write(CPU + "/cpu2/online", "Yes");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
            assertThatThrownBy(() -> machine.write(CPU + "/cpu1/online", "o\n"))
                    .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void bootFlagsReadKstrtobool(String engine) {
        assertThat(targetStoreError(engine, "cpuhp.state_control=enable")).doesNotContain("STATE_CONTROL");
        assertThat(targetStoreError(engine, "cpuhp.state_control")).doesNotContain("STATE_CONTROL");
        assertThat(targetStoreError(engine, "cpuhp.state_control=No")).contains("needs CONFIG_CPU_HOTPLUG_STATE_CONTROL");
        assertThatThrownBy(() -> new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(2).engine(engine)
                .commandLine("cpuhp.parallel=maybe").build())
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("cpuhp.parallel=maybe");
    }

    /** Writes an intermediate target to cpu1 and returns the error message, or "" when it was taken. */
    private static String targetStoreError(String engine, String commandLine) {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(2).engine(engine)
                .commandLine(commandLine).build()) {
            machine.boot();
            Throwable error = catchThrowable(() -> machine.write(CPU + "/cpu1/hotplug/target", "1"));
            return error == null ? "" : String.valueOf(error.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void aMachineOfNoSizeIsRefusedBeforeAnythingStarts(String engine) {
        TestingArchitectureProvider arch = new TestingArchitectureProvider();
        assertThatThrownBy(() -> new MachineBuilder().architecture(arch).cpus(6).threadsPerCore(4).engine(engine).build())
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessage("--cpus 6 is not a multiple of --smt 4");
        assertThatThrownBy(() -> new MachineBuilder().architecture(arch).cpus(0).threadsPerCore(9).engine(engine).build())
                .isInstanceOf(HotplugException.class)
                .hasMessage("--cpus 0 is out of range: use 1 to 8192; --smt 9 is out of range: use 1 to 8 threads per core");
    }
}
