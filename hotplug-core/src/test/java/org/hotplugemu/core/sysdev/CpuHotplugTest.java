package org.hotplugemu.core.sysdev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CPU hot-add and hot-remove as the guest sees them, through the firmware notifications. */
class CpuHotplugTest {
    private static final String CPU = "/sys/devices/system/cpu";

    private final List<String> firmware = new ArrayList<>();
    private Machine machine;
    private SystemDevices devices;

    @BeforeEach
    void boot() {
        machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).presentCpus(2).build();
        machine.boot();
        devices = machine.systemDevices();
        devices.setListener(new FirmwareListener() {
            @Override
            public void ost(int cpu, int event, int status) {
                firmware.add("ost " + cpu + " " + event + " " + status);
            }

            @Override
            public void ejected(int cpu) {
                firmware.add("ejected " + cpu);
            }
        });
    }

    @AfterEach
    void close() {
        machine.close();
    }

    private String read(String path) {
        return machine.read(path).strip();
    }

    private List<String> uevents() {
        return devices.uevents().all().stream().map(e -> e.action() + " " + e.devpath()).toList();
    }

    @Test
    void emptySlotsArePossibleButNotPresentAndHaveNoDirectory() {
        assertThat(read(CPU + "/possible")).isEqualTo("0-3");
        assertThat(read(CPU + "/present")).isEqualTo("0-1");
        assertThat(read(CPU + "/online")).isEqualTo("0-1");
        assertThat(read(CPU + "/offline")).isEqualTo("2-3");
        assertThat(machine.list(CPU)).doesNotContain("cpu2/", "cpu3/").contains("cpu0/", "cpu1/");
        assertThat(machine.exists(CPU + "/cpu2/online")).isFalse();
    }

    @Test
    void hotAddedCpuIsPresentOfflineWithoutHotplugDirectory() {
        HotplugRequest request = devices.insert(2);

        assertThat(request.failure()).isNull();
        assertThat(read(CPU + "/present")).isEqualTo("0-2");
        assertThat(read(CPU + "/online")).isEqualTo("0-1");
        assertThat(read(CPU + "/cpu2/online")).isEqualTo("0");
        assertThat(machine.exists(CPU + "/cpu2/hotplug")).isFalse();
        assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("CPU2 has been hot-added"));
        assertThat(uevents()).containsExactly("add /devices/system/cpu/cpu2", "bind /devices/system/cpu/cpu2");
        assertThat(firmware).containsExactly("ost 2 1 0");
        assertThat(request.journal()).containsExactly("validate:acpi_processor", "validate:memory", "validate:cpu",
                "execute:memory", "execute:cpu");

        machine.write(CPU + "/cpu2/online", "1");
        assertThat(read(CPU + "/online")).isEqualTo("0-2");
        assertThat(uevents()).last().isEqualTo("online /devices/system/cpu/cpu2");
    }

    @Test
    void autoOnlinePolicyOnlinesTheHotAddedCpu() {
        devices.setAutoOnline(true);
        devices.insert(3);
        assertThat(read(CPU + "/online")).isEqualTo("0-1,3");
        assertThat(uevents()).containsExactly("add /devices/system/cpu/cpu3", "bind /devices/system/cpu/cpu3", "online /devices/system/cpu/cpu3");
    }

    @Test
    void ejectOfflinesThroughTheStateMachineThenUnregistersAndEjects() {
        devices.insert(2);
        machine.write(CPU + "/cpu2/online", "1");
        firmware.clear();

        devices.requestEject(2);

        assertThat(firmware).containsExactly("ost 2 3 132", "ejected 2", "ost 2 3 0");
        assertThat(read(CPU + "/present")).isEqualTo("0-1");
        assertThat(read(CPU + "/online")).isEqualTo("0-1");
        assertThat(machine.control().state(2)).isZero();
        assertThat(machine.list(CPU)).doesNotContain("cpu2/");
        assertThat(devices.inserted(2)).isFalse();
        assertThat(uevents()).endsWith("offline /devices/system/cpu/cpu2", "unbind /devices/system/cpu/cpu2", "remove /devices/system/cpu/cpu2");
        assertThat(devices.uevents().all()).extracting(Uevents.Uevent::seqnum).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void readdAfterRemovalWorks() {
        devices.insert(2);
        devices.requestEject(2);
        devices.insert(2);
        assertThat(read(CPU + "/present")).isEqualTo("0-2");
        machine.write(CPU + "/cpu2/online", "1");
        assertThat(read(CPU + "/online")).isEqualTo("0-2");
    }

    @Test
    void offlineFailureRefusesTheEjectAndRollsBack() {
        devices.insert(2);
        machine.write(CPU + "/cpu2/online", "1");
        devices.faults().arm(SysdevFault.OFFLINE_FAIL, 2);
        firmware.clear();

        HotplugRequest request = devices.requestEject(2);

        assertThat(firmware).containsExactly("ost 2 3 132", "ost 2 3 130");
        assertThat(request.failure().errno()).isEqualTo(Errno.EBUSY);
        assertThat(request.journal()).containsSubsequence("execute:cpu", "rollback:memory", "rollback:cpu");
        assertThat(read(CPU + "/online")).isEqualTo("0-2");
        assertThat(read(CPU + "/present")).isEqualTo("0-2");
        assertThat(machine.control().state(2)).isEqualTo(machine.profile().online());
        assertThat(devices.inserted(2)).isTrue();
    }

    @Test
    void ignoredEjectSendsNothing() {
        devices.insert(2);
        devices.faults().arm(SysdevFault.IGNORE_EJECT, SysdevFaults.ALL);
        firmware.clear();

        devices.requestEject(2);

        assertThat(firmware).isEmpty();
        assertThat(read(CPU + "/present")).isEqualTo("0-2");
    }

    @Test
    void guestWithProcessorHotplugDisabledRefusesTheEject() {
        devices.insert(2);
        machine.write("/sys/firmware/acpi/hotplug/processor/enabled", "0");
        firmware.clear();

        devices.requestEject(2);

        assertThat(firmware).containsExactly("ost 2 3 128");
        assertThat(read(CPU + "/present")).isEqualTo("0-2");
        assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("acpi LNXCPU:02: Eject disabled"));
    }

    @Test
    void failedEjectLeavesTheGuestWithoutTheCpuButTheSlotFull() {
        devices.insert(2);
        devices.faults().arm(SysdevFault.EJECT_FAIL, 2);
        firmware.clear();

        devices.requestEject(2);

        assertThat(firmware).containsExactly("ost 2 3 132", "ost 2 3 1");
        assertThat(read(CPU + "/present")).isEqualTo("0-1");
        assertThat(devices.inserted(2)).isTrue();
    }

    @Test
    void duplicateHardwareIdIsNotMappedButScanStillSucceeds() {
        devices.faults().arm(SysdevFault.DUPLICATE_ID, 2);

        HotplugRequest request = devices.insert(2);

        assertThat(firmware).containsExactly("ost 2 1 0");
        assertThat(request.failure().errno()).isEqualTo(Errno.EEXIST);
        assertThat(read(CPU + "/present")).isEqualTo("0-1");
        assertThat(uevents()).isEmpty();
    }

    @Test
    void refusedPowerOnFailsTheOnlineWithEperm() {
        devices.insert(2);
        devices.faults().arm(SysdevFault.POWER_ON_REFUSED, 2);

        assertThatThrownBy(() -> machine.write(CPU + "/cpu2/online", "1"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM));
        assertThat(read(CPU + "/online")).isEqualTo("0-1");
    }

    @Test
    void bootCpuCannotBeEjected() {
        devices.requestEject(0);
        assertThat(firmware).containsExactly("ost 0 3 132", "ost 0 3 128");
        assertThat(read(CPU + "/online")).isEqualTo("0-1");
    }

    @Test
    void theSameCycleWorksUnderTheThreadsEngine() {
        try (Machine threads = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).presentCpus(2).engine("threads").build()) {
            threads.boot();
            List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            threads.systemDevices().setListener(new FirmwareListener() {
                @Override
                public void ost(int cpu, int event, int status) {
                    seen.add("ost " + cpu + " " + event + " " + status);
                }
            });
            for (int round = 0; round < 3; round++) {
                threads.systemDevices().insert(3);
                threads.write(CPU + "/cpu3/online", "1");
                assertThat(threads.read(CPU + "/online")).isEqualTo("0-1,3\n");
                threads.systemDevices().requestEject(3);
                assertThat(threads.read(CPU + "/present")).isEqualTo("0-1\n");
            }
            assertThat(seen).containsExactly("ost 3 1 0", "ost 3 3 132", "ost 3 3 0", "ost 3 1 0", "ost 3 3 132", "ost 3 3 0",
                    "ost 3 1 0", "ost 3 3 132", "ost 3 3 0");
        }
    }

    @Test
    void nodeAndMemoryFilesFollowTheCpus() {
        assertThat(read("/sys/devices/system/node/node0/cpulist")).isEqualTo("0-1");
        assertThat(read("/sys/devices/system/node/node0/cpumap")).isEqualTo("3");
        assertThat(read("/sys/devices/system/memory/memory0/state")).isEqualTo("online");
        devices.setAutoOnline(true);
        devices.insert(3);
        assertThat(read("/sys/devices/system/node/node0/cpulist")).isEqualTo("0-1,3");
        assertThat(read("/sys/devices/system/node/node0/cpumap")).isEqualTo("b");
    }

    @Test
    void debugFilesOfferTheSameOperations() {
        machine.write(SystemDevices.DEBUG_DIR + "fault", "ignore-eject 2");
        assertThat(machine.read(SystemDevices.DEBUG_DIR + "fault")).isEqualTo("ignore-eject 2\n");
        machine.write(SystemDevices.DEBUG_DIR + "insert", "2");
        assertThat(read(CPU + "/present")).isEqualTo("0-2");
        machine.write(SystemDevices.DEBUG_DIR + "fault", "none");
        machine.write(SystemDevices.DEBUG_DIR + "eject", "2");
        assertThat(read(CPU + "/present")).isEqualTo("0-1");
        assertThat(machine.read(SystemDevices.DEBUG_DIR + "uevents")).contains("ACTION=remove\nDEVPATH=/devices/system/cpu/cpu2\nSUBSYSTEM=cpu\nSEQNUM=4\n");
        assertThatThrownBy(() -> machine.write(SystemDevices.DEBUG_DIR + "fault", "bogus 1"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }
}
