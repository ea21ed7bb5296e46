package org.hotplugemu.core.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotplugemu.core.testing.TestingMachines.CPU;
import static org.hotplugemu.core.testing.TestingMachines.assertWriteFails;
import static org.hotplugemu.core.testing.TestingMachines.state;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.hotplugemu.core.testing.TestingMachines;
import org.junit.jupiter.api.Test;

/** Spec section 7: the sysfs files, their formats, write rules, errnos and quirks. */
class CpuSysfsSpecTest {
    @Test
    void statesListsNamedStepsWithKernelFormat() {
        try (Machine machine = TestingMachines.booted(2)) {
            String states = machine.read(CPU + "/hotplug/states");
            assertThat(states).startsWith("  0: offline\n  1: threads:prepare\n 91: cpu:bringup\n 92: idle:dead\n");
            assertThat(states).endsWith("235: sched:active\n236: online\n");
            assertWriteFails(machine, CPU + "/hotplug/states", "1\n", Errno.EACCES);
        }
    }

    @Test
    void perCpuHotplugFilesReadDecimalWithNewline() {
        try (Machine machine = TestingMachines.booted(2)) {
            assertThat(machine.read(CPU + "/cpu1/hotplug/state")).isEqualTo("236\n");
            assertThat(machine.read(CPU + "/cpu1/hotplug/target")).isEqualTo("236\n");
            assertThat(machine.read(CPU + "/cpu1/hotplug/fail")).isEqualTo("-1\n");
            assertWriteFails(machine, CPU + "/cpu1/hotplug/state", "0\n", Errno.EACCES);
        }
    }

    @Test
    void targetWithoutStateControlAcceptsOnlyOfflineAndOnlineAndLeavesOnlineFileStale() {
        try (Machine machine = TestingMachines.booted(2)) {
            assertWriteFails(machine, CPU + "/cpu1/hotplug/target", "200\n", Errno.EINVAL);
            assertWriteFails(machine, CPU + "/cpu1/hotplug/target", "0x0\n", Errno.EINVAL);
            assertWriteFails(machine, CPU + "/cpu1/hotplug/target", " 0\n", Errno.EINVAL);
            machine.write(CPU + "/cpu1/hotplug/target", "0\n");
            assertThat(state(machine, 1)).isZero();
            assertThat(machine.read(CPU + "/online")).isEqualTo("0\n");
            // Quirk: the device's online file is not updated by target writes.
            assertThat(machine.read(CPU + "/cpu1/online")).isEqualTo("1\n");
        }
    }

    @Test
    void targetWithStateControlTakesNamedNonCantStopStatesOnly() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(2)
                .commandLine("cpuhp.state_control=1").build()) {
            machine.boot();
            assertWriteFails(machine, CPU + "/cpu1/hotplug/target", "153\n", Errno.EINVAL);
            assertWriteFails(machine, CPU + "/cpu1/hotplug/target", "154\n", Errno.EINVAL);
            assertWriteFails(machine, CPU + "/cpu1/hotplug/target", "152\n", Errno.EINVAL);
            assertWriteFails(machine, CPU + "/cpu1/hotplug/target", "94\n", Errno.EINVAL);
            machine.write(CPU + "/cpu1/hotplug/target", "156\n");
            assertThat(state(machine, 1)).isEqualTo(156);
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
            machine.write(CPU + "/cpu1/hotplug/target", "235\n");
            assertThat(state(machine, 1)).isEqualTo(235);
            assertThat(machine.read(CPU + "/cpu1/hotplug/target")).isEqualTo("235\n");
        }
    }

    @Test
    void failRejectsOutOfRangeStartingNoCallbackAndDeadStatesWhileUp() {
        try (Machine machine = TestingMachines.booted(2)) {
            assertWriteFails(machine, CPU + "/cpu1/hotplug/fail", "237\n", Errno.EINVAL);
            assertWriteFails(machine, CPU + "/cpu1/hotplug/fail", "94\n", Errno.EINVAL);
            assertWriteFails(machine, CPU + "/cpu1/hotplug/fail", "200\n", Errno.EINVAL);
            assertWriteFails(machine, CPU + "/cpu1/hotplug/fail", "1\n", Errno.EINVAL);
            assertWriteFails(machine, CPU + "/cpu1/hotplug/fail", "abc\n", Errno.EINVAL);
            machine.write(CPU + "/cpu1/hotplug/fail", "235\n");
            assertThat(machine.read(CPU + "/cpu1/hotplug/fail")).isEqualTo("235\n");
            machine.write(CPU + "/cpu1/hotplug/fail", "-1\n");
            assertThat(machine.read(CPU + "/cpu1/hotplug/fail")).isEqualTo("-1\n");
        }
    }

    @Test
    void onlineTakesKstrtoboolWordsAndRepeatingTheCurrentValueIsANoOp() {
        try (Machine machine = TestingMachines.booted(3)) {
            for (String off : List.of("0\n", "n\n", "off\n")) {
                machine.write(CPU + "/cpu1/online", off);
                assertThat(machine.read(CPU + "/cpu1/online")).isEqualTo("0\n");
                machine.write(CPU + "/cpu1/online", "on\n");
            }
            machine.write(CPU + "/cpu1/online", "y\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
            assertWriteFails(machine, CPU + "/cpu1/online", "2\n", Errno.EINVAL);
            assertWriteFails(machine, CPU + "/cpu1/online", "maybe\n", Errno.EINVAL);
        }
    }

    @Test
    void bootCpuThatIsNotHotpluggableHasNoOnlineFile() {
        try (Machine machine = TestingMachines.booted(2)) {
            assertThat(machine.exists(CPU + "/cpu0/online")).isFalse();
            assertThat(machine.exists(CPU + "/cpu1/online")).isTrue();
            assertWriteFails(machine, CPU + "/cpu0/online", "0\n", Errno.EACCES); // sysfs refuses the shell's create (issue 13)
        }
    }

    @Test
    void masksReadAsCpulists() {
        try (Machine machine = TestingMachines.booted(6)) {
            machine.write(CPU + "/cpu1/online", "0\n");
            machine.write(CPU + "/cpu4/online", "0\n");
            assertThat(machine.read(CPU + "/possible")).isEqualTo("0-5\n");
            assertThat(machine.read(CPU + "/present")).isEqualTo("0-5\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0,2-3,5\n");
            assertThat(machine.read(CPU + "/offline")).isEqualTo("1,4\n");
            assertThat(machine.read(CPU + "/kernel_max")).isEqualTo("8191\n");
        }
    }

    @Test
    void smtControlOffTakesSiblingsDownOnSiblingIsRefusedAndForceoffIsFinal() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).threadsPerCore(2).build()) {
            machine.boot();
            assertThat(machine.read(CPU + "/smt/control")).isEqualTo("on\n");
            assertThat(machine.read(CPU + "/smt/active")).isEqualTo("1\n");
            machine.write(CPU + "/smt/control", "off\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0,2\n");
            assertThat(machine.read(CPU + "/smt/active")).isEqualTo("0\n");
            assertWriteFails(machine, CPU + "/cpu1/online", "1\n", Errno.EPERM);
            assertWriteFails(machine, CPU + "/smt/control", "sideways\n", Errno.EINVAL);
            machine.write(CPU + "/smt/control", "on\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
            machine.write(CPU + "/smt/control", "forceoff\n");
            assertWriteFails(machine, CPU + "/smt/control", "on\n", Errno.EPERM);
        }
    }

    @Test
    void smtControlOffThatFailsOnASiblingKeepsTheControlOnAndTheSiblingsUsable() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).threadsPerCore(2).build()) {
            machine.boot();
            int schedActive = machine.read(CPU + "/hotplug/states").lines()
                    .filter(line -> line.endsWith(": sched:active")).mapToInt(line -> Integer.parseInt(line.split(":")[0].strip()))
                    .findFirst().orElseThrow();
            machine.write(CPU + "/cpu3/hotplug/fail", schedActive + "\n");

            assertWriteFails(machine, CPU + "/smt/control", "off\n", Errno.EAGAIN);

            // cpuhp_smt_disable sets the control only when the whole loop succeeded.
            assertThat(machine.read(CPU + "/smt/control")).isEqualTo("on\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0,2-3\n");
            machine.write(CPU + "/cpu1/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-3\n");
            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }

    @Test
    void smtControlWithoutSiblingsIsNotSupported() {
        try (Machine machine = TestingMachines.booted(2)) {
            assertThat(machine.read(CPU + "/smt/control")).isEqualTo("notsupported\n");
            assertWriteFails(machine, CPU + "/smt/control", "off\n", Errno.ENODEV);
        }
    }

    @Test
    void nosmtBootsSiblingsOnceAndTakesThemBackOffline() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).threadsPerCore(2)
                .commandLine("nosmt").build()) {
            machine.boot();
            assertThat(machine.read(CPU + "/online")).isEqualTo("0,2\n");
            assertThat(machine.read(CPU + "/smt/control")).isEqualTo("off\n");
            assertThat(state(machine, 1)).isZero();
        }
    }

    @Test
    void topologyFilesShowPackageCoreAndOnlineSiblings() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).threadsPerCore(2).build()) {
            machine.boot();
            assertThat(machine.read(CPU + "/cpu3/topology/core_id")).isEqualTo("1\n");
            assertThat(machine.read(CPU + "/cpu3/topology/physical_package_id")).isEqualTo("0\n");
            assertThat(machine.read(CPU + "/cpu3/topology/thread_siblings_list")).isEqualTo("2-3\n");
            assertThat(machine.read(CPU + "/cpu3/topology/package_cpus_list")).isEqualTo("0-3\n");
        }
    }

    @Test
    void topologyMasksArePrintedAsKernelBitmapsOfNrCpuIdsBits() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(40).threadsPerCore(2).build()) {
            machine.boot();
            assertThat(machine.read(CPU + "/cpu3/topology/thread_siblings")).isEqualTo("00,0000000c\n");
            assertThat(machine.read(CPU + "/cpu3/topology/core_cpus")).isEqualTo("00,0000000c\n");
            assertThat(machine.read(CPU + "/cpu3/topology/package_cpus")).isEqualTo("ff,ffffffff\n");
            machine.write(CPU + "/cpu2/online", "0\n");
            machine.write(CPU + "/cpu33/online", "0\n");
            assertThat(machine.read(CPU + "/cpu3/topology/thread_siblings")).isEqualTo("00,00000008\n");
            assertThat(machine.read(CPU + "/cpu3/topology/core_siblings")).isEqualTo("fd,fffffffb\n");
        }
    }

    @Test
    void missingFilesDirectoriesAndRelativePathsGiveTheKernelErrnos() {
        try (Machine machine = TestingMachines.booted(2)) {
            assertWriteFails(machine, CPU + "/cpu9/online", "0\n", Errno.ENOENT);
            assertWriteFails(machine, CPU + "/cpu1", "0\n", Errno.EISDIR);
            assertThat(machine.list(CPU + "/cpu1")).containsExactly("hotplug/", "online", "topology/");
            assertThat(machine.list("/sys/kernel")).contains("debug/", "tracing/");
        }
    }
}
