package org.hotplugemu.distribution.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: {@code hotplug-emu mount} and {@code nsrun} through the packaged launcher, for real. */
class MountIT {
    @TempDir
    Path dir;

    @BeforeEach
    void requireFuse() {
        boolean usable = Files.exists(Path.of("/dev/fuse")) && "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/unshare"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(usable).as("CI must run the FUSE tests: root, /dev/fuse and unshare").isTrue();
        }
        assumeTrue(usable, "needs root, /dev/fuse and unshare");
    }

    @Test
    void mountServesTheMachineUntilSigtermThenUnmounts() throws Exception {
        Process process = start("mount", "--cpus", "8", dir.toString());
        awaitMounted(process);
        assertThat(Files.readString(dir.resolve("sys/devices/system/cpu/online"))).isEqualTo("0-7\n");
        assertThat(Files.readString(dir.resolve("proc/cpuinfo"))).contains("processor\t: 7\n");

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mounts()).doesNotContain(dir.toString());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anExternalUmountEndsMountWithStatusZero() throws Exception {
        Process process = start("mount", "--cpus", "8", dir.toString());
        awaitMounted(process);
        assertThat(new ProcessBuilder("umount", dir.toString()).start().waitFor()).isZero();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void nsrunRunsChcpuAgainstTheEmulatorAndExitsWithItsStatus() throws Exception {
        Process process = start("nsrun", "--cpus", "8", "--", "sh", "-c",
                "chcpu -d 3 && cat /sys/devices/system/cpu/online && chcpu -d 3; exit 5");
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("CPU 3 disabled\n0-2,4-7\nCPU 3 is already disabled\n");
        assertThat(err).doesNotContain("Exception");
        assertThat(process.exitValue()).isEqualTo(5);
    }

    private static Process start(String... args) throws IOException {
        Path home = Path.of(System.getProperty("hotplugemu.dist", "target/hotplug-emu"));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/hotplug-emu").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    }

    /** Reads stderr up to the line saying the mount is served (the command prints it once FUSE is up). */
    private static void awaitMounted(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            seen.append(line).append('\n');
            if (line.contains(" mounted at ")) {
                return;
            }
        }
        throw new AssertionError("hotplug-emu mount ended before mounting:\n" + seen);
    }

    private static String mounts() throws IOException {
        return Files.readString(Path.of("/proc/self/mountinfo"));
    }
}
