package org.hotplugemu.arch.spi;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MachineConfigTest {
    @Test
    void listsEveryProblemAtOnce() {
        assertThat(MachineConfig.problems(4, 2)).isEmpty();
        assertThat(MachineConfig.problems(MachineConfig.MAX_CPUS, 8)).isEmpty();
        assertThat(MachineConfig.problems(0, 0)).containsExactly(
                "--cpus 0 is out of range: use 1 to 8192", "--smt 0 is out of range: use 1 to 8 threads per core");
        assertThat(MachineConfig.problems(8193, 1)).containsExactly("--cpus 8193 is out of range: use 1 to 8192");
        assertThat(MachineConfig.problems(6, 4)).containsExactly("--cpus 6 is not a multiple of --smt 4");
    }

    @Test
    void theConstructorRefusesWhatProblemsNames() {
        assertThatThrownBy(() -> new MachineConfig(6, 4, KernelCommandLine.empty()))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessage("--cpus 6 is not a multiple of --smt 4");
        assertThat(new MachineConfig(8, 2, KernelCommandLine.parse("nosmt")).commandLine().has("nosmt")).isTrue();
    }
}
