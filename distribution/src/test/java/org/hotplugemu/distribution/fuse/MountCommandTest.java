package org.hotplugemu.distribution.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hotplugemu.distribution.Main;
import org.hotplugemu.distribution.cli.Streams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code mount} and {@code nsrun}: a clear line and status 2, before anything boots. */
class MountCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new Streams(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    @Test
    void aMissingMountPointIsAStartupProblem() {
        assertThat(run("mount", dir.resolve("absent").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("hotplug-emu: mount point " + dir.resolve("absent")
                + " does not exist; create it first\n");
    }

    @Test
    void mountNeedsADirectory() {
        assertThat(run("mount")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter: 'DIR'");
    }

    @Test
    void nsrunNeedsACommand() {
        assertThat(run("nsrun", "--cpus", "8")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter: 'CMD'");
    }
}
