package org.hotplugemu.arch.arm64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.MachineConfig;
import org.junit.jupiter.api.Test;

/** psci.disabled and arm64.spin_table are read as the kernel's cpulist_parse reads them. */
class Arm64OptionsCpuListTest {
    private static Arm64Options options(int cpus, String commandLine) {
        return Arm64Options.from(new MachineConfig(cpus, 1, KernelCommandLine.parse(commandLine)));
    }

    @Test
    void cpulistsTakeTheKernelsSyntax() {
        Arm64Options options = options(8, "psci.disabled=1-N:1/2 arm64.spin_table=2,4");
        assertThat(options.disabled().stream()).containsExactly(1, 3, 5, 7);
        assertThat(options.spinTable().stream()).containsExactly(2, 4);
        assertThat(options(4, "").disabled().isEmpty()).isTrue();
    }

    @Test
    void badCpulistsFailWithTheKernelsErrnoAndNameTheParameter() {
        assertThatThrownBy(() -> options(4, "psci.disabled=4"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ERANGE))
                .hasMessageStartingWith("psci.disabled=4: ");
        assertThatThrownBy(() -> options(4, "arm64.spin_table=3-1"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageStartingWith("arm64.spin_table=3-1: ");
    }
}
