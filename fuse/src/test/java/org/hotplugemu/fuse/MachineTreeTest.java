package org.hotplugemu.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.arch.arm64.Arm64ArchitectureProvider;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.driver.MachineDrivers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tree a mount serves, without FUSE: paths, modes, sizes and the generated files. */
class MachineTreeTest {
    private static final String CPU = "/sys/devices/system/cpu";

    private final Machine machine = Machines.x86(4, 2);
    private final MachineTree tree = new MachineTree(machine);

    @AfterEach
    void close() {
        machine.close();
    }

    @Test
    void theRootHoldsSysProcAndTheKernelLog() {
        assertThat(tree.list("/")).containsExactly("proc", "sys", "var");
        assertThat(tree.list("/proc")).containsExactly("cpuinfo");
        assertThat(tree.list("/var/log")).containsExactly("dmesg");
        assertThat(tree.list(CPU + "/cpu1")).containsExactly("hotplug", "online", "topology");
        assertThat(tree.read(MachineTree.KERNEL_LOG)).startsWith("[    0.000000] Linux version ").endsWith("\n");
    }

    @Test
    void modesAndSizesAreTheKernels() {
        assertThat(tree.stat(CPU + "/online")).isEqualTo(new MachineTree.Attributes(false, 0444, 4096));
        assertThat(tree.stat(CPU + "/cpu1/online")).isEqualTo(new MachineTree.Attributes(false, 0644, 4096));
        assertThat(tree.stat(CPU + "/cpu1")).isEqualTo(new MachineTree.Attributes(true, 0755, 0));
        assertThat(tree.stat("/sys/kernel/tracing")).isEqualTo(new MachineTree.Attributes(true, 0700, 0));
        assertThat(tree.stat("/sys/kernel/tracing/trace_marker")).isEqualTo(new MachineTree.Attributes(false, 0220, 0));
        assertThat(tree.stat("/sys/kernel/tracing/events/cpuhp/cpuhp_enter/format")).isEqualTo(new MachineTree.Attributes(false, 0440, 0));
        assertThat(tree.stat("/sys/kernel/debug/x86/fail_sipi_lost")).isEqualTo(new MachineTree.Attributes(false, 0644, 0));
        assertThat(tree.stat("/proc/cpuinfo")).isEqualTo(new MachineTree.Attributes(false, 0444, 0));
    }

    @Test
    void missingPathsAndGeneratedFilesGiveTheKernelsErrnos() {
        assertThatThrownBy(() -> tree.stat(CPU + "/cpu9")).isInstanceOf(HotplugException.class)
                .extracting(e -> ((HotplugException) e).errno()).isEqualTo(Errno.ENOENT);
        assertThatThrownBy(() -> tree.stat("/proc/meminfo")).extracting(e -> ((HotplugException) e).errno()).isEqualTo(Errno.ENOENT);
        assertThatThrownBy(() -> tree.write("/proc/cpuinfo", "1\n")).extracting(e -> ((HotplugException) e).errno()).isEqualTo(Errno.EACCES);
        assertThatThrownBy(() -> tree.write(CPU + "/cpu1/online", "7\n")).extracting(e -> ((HotplugException) e).errno()).isEqualTo(Errno.EINVAL);
    }

    @Test
    void cpuinfoHasOneBlockPerOnlineCpuWithItsTopology() {
        machine.write(CPU + "/cpu2/online", "0\n");
        String cpuinfo = tree.read("/proc/cpuinfo");
        assertThat(cpuinfo.split("\n\n")).hasSize(3);
        assertThat(cpuinfo).startsWith("""
                processor\t: 0
                vendor_id\t: AuthenticAMD
                cpu family\t: 15
                model\t\t: 107
                model name\t: QEMU Virtual CPU version 2.5+
                stepping\t: 1
                microcode\t: 0x1000065
                cpu MHz\t\t: 2596.104
                cache size\t: 512 KB
                physical id\t: 0
                siblings\t: 3
                core id\t\t: 0
                cpu cores\t: 2
                apicid\t\t: 0
                initial apicid\t: 0
                """);
        assertThat(cpuinfo).contains("processor\t: 3\n").doesNotContain("processor\t: 2\n")
                .contains("core id\t\t: 1\ncpu cores\t: 2\napicid\t\t: 3\n").contains(" ht\n").contains("bogomips\t: 5192.21\n");
    }

    @Test
    void arm64CpuinfoIsTheCortexA57OfTheReferenceKernel() {
        try (Machine arm64 = new MachineBuilder().architecture(new Arm64ArchitectureProvider()).cpus(2).driverProviders(MachineDrivers.installed()).build()) {
            arm64.boot();
            String block = "BogoMIPS\t: 125.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 cpuid\nCPU implementer\t: 0x41\n"
                    + "CPU architecture: 8\nCPU variant\t: 0x1\nCPU part\t: 0xd07\nCPU revision\t: 2\n\n";
            assertThat(new MachineTree(arm64).read("/proc/cpuinfo")).isEqualTo("processor\t: 0\n" + block + "processor\t: 1\n" + block);
        }
    }
}
