package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotplugemu.arch.arm64.Arm64ArchitectureProvider;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.driver.MachineDrivers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A failure injected into every step of the takedown and of the bring-up of the boot CPU and of a
 * secondary, on both architectures with their stock drivers: each failed operation rolls back to
 * where it started, every CPU rests at its target, and the machine still offlines and onlines.
 */
class EveryStepFailureTest {
    private static final String CPU = "/sys/devices/system/cpu";

    @ParameterizedTest(name = "{0} cpu{1}")
    @CsvSource({"x86, 0", "x86, 1", "arm64, 0", "arm64, 1"})
    void everyStepFailsCleanlyAndTheMachineStillWorks(String arch, int cpu) {
        ArchitectureProvider provider = arch.equals("x86") ? new X86ArchitectureProvider() : new Arm64ArchitectureProvider();
        try (Machine machine = new MachineBuilder().architecture(provider).cpus(4).driverProviders(MachineDrivers.installed()).seed(3).build()) {
            machine.boot();
            int online = machine.profile().online();
            List<Integer> states = machine.read(CPU + "/hotplug/states").lines()
                    .map(line -> Integer.parseInt(line.substring(0, line.indexOf(':')).strip())).toList();
            int failedDown = 0;
            int failedUp = 0;
            for (int state : states) {
                if (armed(machine, cpu, state) && failsAndRollsBack(machine, cpu, 0, online)) {
                    failedDown++;
                }
            }
            target(machine, cpu, 0);
            for (int state : states) {
                if (armed(machine, cpu, state) && failsAndRollsBack(machine, cpu, online, 0)) {
                    failedUp++;
                }
            }
            target(machine, cpu, online);

            assertThat(failedDown).as("teardown steps that failed and rolled back").isGreaterThan(10);
            assertThat(failedUp).as("bring-up steps that failed and rolled back").isGreaterThan(failedDown);
            int other = cpu == 0 ? 2 : 0;
            target(machine, other, 0);
            target(machine, other, online);
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }

    /** Arms the one-shot failure; false when the kernel refuses that state (no callback, STARTING, ...). */
    private static boolean armed(Machine machine, int cpu, int state) {
        try {
            machine.write(CPU + "/cpu" + cpu + "/hotplug/fail", state + "\n");
            return true;
        }
        catch (HotplugException e) {
            assertThat(e.errno()).isEqualTo(Errno.EINVAL);
            return false;
        }
    }

    /** Drives {@code cpu} to {@code target}; returns whether it failed, after checking it rolled back to {@code from}. */
    private static boolean failsAndRollsBack(Machine machine, int cpu, int target, int from) {
        boolean failed;
        try {
            target(machine, cpu, target);
            failed = false;
        }
        catch (HotplugException e) {
            assertThat(e.errno()).isEqualTo(Errno.EAGAIN);
            assertThat(machine.control().state(cpu)).isEqualTo(from);
            failed = true;
        }
        machine.write(CPU + "/cpu" + cpu + "/hotplug/fail", "-1\n");
        assertThat(machine.control().checkInvariants()).isEmpty();
        if (!failed) {
            target(machine, cpu, from);
        }
        return failed;
    }

    private static void target(Machine machine, int cpu, int target) {
        machine.write(CPU + "/cpu" + cpu + "/hotplug/target", target + "\n");
    }
}
