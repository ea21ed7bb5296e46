package org.hotplugemu.distribution.torture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.hotplugemu.distribution.Main;
import org.hotplugemu.distribution.cli.Streams;
import org.junit.jupiter.api.Test;

class TortureCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new Streams(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    @Test
    void tortureUnderLoadWithTargetsPassesAndReportsTheLedgers() {
        int status = run("torture", "--arch", "x86", "--cpus", "8", "--seed", "5", "--ops", "400", "--cmdline", "cpuhp.state_control=1");
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(output).contains("torture: seed 5: ", "workqueue", "rcu", "torture: PASSED");
    }

    @Test
    void tortureOnArm64WithJsonReportsAttemptsAndNoProblems() {
        int status = run("torture", "--arch", "arm64", "--cpus", "4", "--ops", "100", "--json");
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(output).contains("\"attempts\"", "\"problems\" : [ ]").doesNotContain("\"queued\" : 0,");
    }

    @Test
    void nonPositiveOperationCountIsAUsageError() {
        assertThat(run("torture", "--ops", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("hotplug-emu: --ops must be at least 1");
    }
}
