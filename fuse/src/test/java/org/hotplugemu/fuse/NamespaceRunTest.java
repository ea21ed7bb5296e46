package org.hotplugemu.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The namespace nsrun builds: the emulator's files inside, the host's untouched outside. */
class NamespaceRunTest {
    @TempDir
    Path dir;

    private Machine machine;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void boot() {
        Requirements.fuse();
        Requirements.program("unshare", "util-linux");
        machine = Machines.x86(8, 1);
    }

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    @Test
    void theCommandSeesTheEmulatorsFilesAndTheHostKeepsItsOwn() throws IOException {
        String hostOnline = Files.readString(Path.of("/sys/devices/system/cpu/online"));
        String hostMounts = Files.readString(Path.of("/proc/self/mountinfo"));
        int status = run("echo 0 > /sys/devices/system/cpu/cpu6/online; cat /sys/devices/system/cpu/online;"
                + " grep -c ^processor /proc/cpuinfo; ls /sys/kernel/tracing; head -1 $HOTPLUG_EMU_ROOT/var/log/dmesg");
        assertThat(status).as(text(err)).isZero();
        assertThat(text(out)).startsWith("0-5,7\n7\nbuffer_size_kb\nevents\ntrace\ntrace_clock\ntrace_marker\ntracing_on\n")
                .contains("Linux version");
        assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-5,7\n");
        assertThat(Files.readString(Path.of("/sys/devices/system/cpu/online"))).isEqualTo(hostOnline);
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).isEqualTo(hostMounts).doesNotContain("hotplug-emu");
    }

    @Test
    void exitsWithTheCommandsStatus() {
        assertThat(run("exit 7")).isEqualTo(7);
        assertThat(new NamespaceRun(new MachineTree(machine)).run(List.of("no-such-command-here"), out, err)).isEqualTo(127);
    }

    @Test
    void anEmptyCommandIsRefused() {
        assertThatThrownBy(() -> new NamespaceRun(new MachineTree(machine)).run(List.of(), out, err))
                .isInstanceOf(HotplugException.class).hasMessageContaining("no command");
    }

    /** The check itself, given a root that is a plain directory rather than the emulator's mount. */
    @Test
    void theScriptRefusesARootThatIsNotTheEmulatorsMount() throws IOException {
        Path marker = dir.resolve("checked");
        Path ran = dir.resolve("ran");
        String script;
        try (InputStream in = NamespaceRun.class.getResourceAsStream("nsrun.sh")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Sh.Result result = Sh.run(List.of("unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c", script,
                "nsrun", dir.toString(), marker.toString(), "touch", ran.toString()));
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("is not the emulator's FUSE mount; not running the command");
        assertThat(marker).doesNotExist();
        assertThat(ran).doesNotExist();
    }

    private int run(String script) {
        return new NamespaceRun(new MachineTree(machine)).run(List.of("/bin/sh", "-c", script), out, err);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
