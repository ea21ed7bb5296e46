package org.hotplugemu.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's files through a real FUSE mount, read and written by real programs. */
class FuseMountTest {
    @TempDir
    Path dir;

    private Machine machine;
    private FuseMount mount;
    private String cpu;

    @BeforeEach
    void mount() {
        Requirements.fuse();
        machine = Machines.x86(8, 1);
        mount = FuseMount.mount(new MachineTree(machine), dir);
        cpu = dir + "/sys/devices/system/cpu";
    }

    @AfterEach
    void unmount() {
        if (mount != null) {
            mount.close();
        }
        if (machine != null) {
            machine.close();
        }
    }

    @Test
    void readsTheSameContentsAsTheShell() {
        assertThat(Sh.script("cat " + cpu + "/online " + cpu + "/cpu3/online").out()).isEqualTo("0-7\n1\n");
        assertThat(Sh.script("ls " + cpu + "/cpu1").out()).isEqualTo("hotplug\nonline\ntopology\n");
        assertThat(Sh.script("cat " + cpu + "/hotplug/states").out()).isEqualTo(machine.read("/sys/devices/system/cpu/hotplug/states"));
    }

    @Test
    void attributesHaveTheKernelsModesAndOnePageOfSize() {
        Sh.Result stat = Sh.script("cd " + dir + " && stat -c '%A %s %n' sys/devices/system/cpu/online sys/devices/system/cpu/cpu1/online"
                + " sys/devices/system/cpu/cpu1 sys/kernel/tracing/trace_marker sys/kernel/tracing/tracing_on proc/cpuinfo");
        assertThat(stat.out()).isEqualTo("""
                -r--r--r-- 4096 sys/devices/system/cpu/online
                -rw-r--r-- 4096 sys/devices/system/cpu/cpu1/online
                drwxr-xr-x 0 sys/devices/system/cpu/cpu1
                --w--w---- 0 sys/kernel/tracing/trace_marker
                -rw-r----- 0 sys/kernel/tracing/tracing_on
                -r--r--r-- 0 proc/cpuinfo
                """);
    }

    @Test
    void readsAtAnOffsetFromTheValueReadAtOffsetZero() {
        assertThat(Sh.script("dd if=" + cpu + "/online bs=1 skip=2 status=none").out()).isEqualTo("7\n");
    }

    @Test
    void oneWriteIsOneStoreWithTheKernelsErrno() {
        assertThat(Sh.script("echo 0 > " + cpu + "/cpu3/online").status()).isZero();
        assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-2,4-7\n");
        Sh.Result invalid = Sh.script("echo 7 > " + cpu + "/cpu3/online");
        assertThat(invalid.status()).isNotZero();
        assertThat(invalid.err()).contains("Invalid argument");
        Sh.Result readOnly = Sh.script("echo 1 > " + cpu + "/online");
        assertThat(readOnly.err()).contains("Permission denied");
        Sh.Result tooLong = Sh.script("head -c 5000 /dev/zero | tr '\\0' 1 | dd of=" + cpu + "/cpu3/online bs=5000 iflag=fullblock status=none");
        assertThat(tooLong.err()).contains("Argument list too long");
        assertThat(Sh.script("printf 1 > " + cpu + "/cpu3/online").status()).isZero();
        assertThat(Sh.script("cat " + cpu + "/online").out()).isEqualTo("0-7\n");
    }

    @Test
    void createsNothing() {
        assertThat(Sh.script("touch " + cpu + "/new").err()).contains("Permission denied");
        assertThat(Sh.script("mkdir " + cpu + "/new").err()).contains("Operation not permitted");
        assertThat(Sh.script("rm " + cpu + "/online").err()).contains("Operation not permitted");
        assertThat(Sh.script("ls " + cpu).out()).doesNotContain("new");
    }

    @Test
    void concurrentWritersFromManyProcessesAreSerialised() {
        StringBuilder script = new StringBuilder();
        for (int n = 1; n <= 4; n++) {
            script.append("(for i in 1 2 3 4 5; do echo 0 > ").append(cpu).append("/cpu").append(n).append("/online; cat ")
                    .append(cpu).append("/online > /dev/null; echo 1 > ").append(cpu).append("/cpu").append(n).append("/online; done) & ");
        }
        script.append("wait");
        Sh.Result result = Sh.script(script.toString());
        assertThat(result.err()).isEmpty();
        assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-7\n");
        assertThat(machine.control().checkInvariants()).isEmpty();
    }

    @Test
    void procCpuinfoListsTheOnlineCpus() {
        assertThat(Sh.script("grep -c ^processor " + dir + "/proc/cpuinfo").out()).isEqualTo("8\n");
        machine.write("/sys/devices/system/cpu/cpu5/online", "0\n");
        Sh.Result info = Sh.script("grep -E '^(processor|core id|siblings)' " + dir + "/proc/cpuinfo | sort | uniq -c | sort -k2");
        assertThat(info.out()).contains("7 siblings\t: 7").doesNotContain("processor\t: 5\n");
    }

    @Test
    void theKernelLogAndTheTraceAreReadable() {
        assertThat(Sh.script("cat " + dir + "/var/log/dmesg").out()).contains("Linux version").contains("smpboot");
        Sh.Result trace = Sh.script("echo 1 > " + dir + "/sys/kernel/tracing/events/cpuhp/enable && echo 0 > " + cpu
                + "/cpu2/online && cat " + dir + "/sys/kernel/tracing/trace");
        assertThat(trace.out()).contains("cpuhp_enter: cpu: 0002");
    }

    @Test
    void anUnmountFromOutsideEndsTheMount() throws InterruptedException {
        assertThat(Sh.script("umount " + dir).status()).isZero();
        mount.awaitUnmounted();
        assertThat(mount.mounted()).isFalse();
        assertThat(Sh.script("ls " + dir).out()).isEmpty();
    }
}
