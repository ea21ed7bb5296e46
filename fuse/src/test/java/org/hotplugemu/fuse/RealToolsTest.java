package org.hotplugemu.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tools nobody here wrote (util-linux lscpu and chcpu, stress-ng, the kernel's cpu-hotplug
 * selftest) against an emulated 8-CPU x86 machine, with the results a real kernel gives.
 */
class RealToolsTest {
    @TempDir
    Path dir;

    private Machine machine;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void boot() {
        Requirements.fuse();
        machine = Machines.x86(8, 1);
    }

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    @Test
    void lscpuReadsCountOnlineListAndTopologyFromTheSysroot() {
        Requirements.program("lscpu", "util-linux");
        machine.write("/sys/devices/system/cpu/cpu3/online", "0\n");
        try (FuseMount mount = FuseMount.mount(new MachineTree(machine), dir)) {
            Sh.Result lscpu = Sh.run(List.of("lscpu", "--sysroot", dir.toString()));
            assertThat(lscpu.status()).as(lscpu.err()).isZero();
            assertThat(lscpu.out()).containsPattern("(?m)^CPU\\(s\\): +8$")
                    .containsPattern("(?m)^On-line CPU\\(s\\) list: +0-2,4-7$")
                    .containsPattern("(?m)^Off-line CPU\\(s\\) list: +3$")
                    .containsPattern("(?m)^Model name: +QEMU Virtual CPU version 2.5\\+$")
                    .containsPattern("(?m)^Thread\\(s\\) per core: +1$")
                    .containsPattern("(?m)^Core\\(s\\) per socket: +7$")
                    .containsPattern("(?m)^Socket\\(s\\): +1$");
            Sh.Result table = Sh.run(List.of("lscpu", "--sysroot", dir.toString(), "-e=CPU,SOCKET,CORE,ONLINE"));
            // lscpu numbers cores logically, skipping those of offline CPUs, as on a real machine.
            assertThat(table.out()).containsPattern("(?m)^ +3 +- +- +no$").containsPattern("(?m)^ +7 +0 +6 +yes$");
        }
    }

    @Test
    void lscpuSeesSmtSiblings() {
        Requirements.program("lscpu", "util-linux");
        machine.close();
        machine = Machines.x86(8, 2);
        try (FuseMount mount = FuseMount.mount(new MachineTree(machine), dir)) {
            Sh.Result lscpu = Sh.run(List.of("lscpu", "--sysroot", dir.toString()));
            assertThat(lscpu.out()).containsPattern("(?m)^Thread\\(s\\) per core: +2$")
                    .containsPattern("(?m)^Core\\(s\\) per socket: +4$").contains(" ht");
        }
    }

    @Test
    void chcpuDisablesAndEnablesCpu3InTheNamespace() {
        Requirements.program("chcpu", "util-linux");
        int status = nsrun("chcpu -d 3 && cat /sys/devices/system/cpu/online && chcpu -e 3 && cat /sys/devices/system/cpu/online");
        assertThat(status).as(text(err)).isZero();
        assertThat(text(out)).isEqualTo("CPU 3 disabled\n0-2,4-7\nCPU 3 enabled\n0-7\n");
        assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("smpboot: CPU 3 is now offline"));
        assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-7\n");
    }

    @Test
    void theKernelsCpuHotplugSelftestPassesAndLeavesEveryCpuOnline() throws Exception {
        Path selftest = KernelSelftest.cpuOnOffTest();
        Requirements.program("taskset", "util-linux");
        int status = new NamespaceRun(new MachineTree(machine)).run(List.of("bash", selftest.toString(), "-a"), out, err);
        assertThat(status).as(text(out) + text(err)).isZero();
        assertThat(text(out)).contains("Full scope test: all hotplug cpus").contains("present_cpus = 0-7 present_max = 7");
        assertThat(text(err)).doesNotContain("unexpected");
        // -a keeps the highest CPU online and takes CPUs 1 to 6 down once, then brings them back.
        assertThat(machine.dmesg().stream().filter(line -> line.endsWith("is now offline"))).hasSize(6);
        assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-7\n");
        assertThat(machine.control().checkInvariants()).isEmpty();
    }

    @Test
    void stressNgCpuOnlineRunsABoundedNumberOfOperations() {
        Requirements.program("stress-ng", "stress-ng");
        // cpu-online is "pathological" for stress-ng: on a real machine it may hang it.
        int status = new NamespaceRun(new MachineTree(machine)).run(List.of("stress-ng", "--pathological",
                "--cpu-online", "1", "--cpu-online-ops", "30", "--timeout", "120", "--metrics-brief"), out, err);
        assertThat(status).as(text(err)).isZero();
        assertThat(text(err)).containsPattern("cpu-online +30 ").contains("successful run completed");
        assertThat(machine.dmesg().stream().filter(line -> line.endsWith("is now offline"))).isNotEmpty();
        assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-7\n");
        assertThat(machine.control().checkInvariants()).isEmpty();
    }

    private int nsrun(String script) {
        return new NamespaceRun(new MachineTree(machine)).run(List.of("/bin/sh", "-c", script), out, err);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
