package org.hotplugemu.distribution.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.KernelLog.Level;
import org.hotplugemu.testkit.MachineSpec;
import org.hotplugemu.testkit.TestMachine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code dmesg} options on a booted machine whose log holds one line per level of interest, a millisecond apart. */
class DmesgTest {
    private final ProbeDriver probe = new ProbeDriver();
    private final TestMachine machine = TestMachine.boot(new MachineSpec("x86", 2, "", "sim", 1, ""), List.of(probe));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Interpreter interpreter = new Interpreter(machine.machine(),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    /** The printk timestamp of each line logged below, in order. */
    private final List<String> stamps = new ArrayList<>();

    @BeforeEach
    void logAtSeveralLevels() {
        machine.machine().clearKernelLog();
        log(Level.NOTICE, "probe: ready");
        log(Level.INFO, "smpboot: CPU 1 is now offline");
        log(Level.WARNING, "WARNING: CPU 1 state 3 failed");
        log(Level.ERR, "smpboot: do_boot_cpu failed(-5) to wakeup CPU#1");
        log(Level.CRIT, "CPU1: failed to come online");
    }

    @AfterEach
    void close() {
        machine.close();
    }

    private void log(Level level, String message) {
        machine.machine().sleep(Duration.ofMillis(1));
        long nanos = machine.machine().nanoTime();
        stamps.add(String.format("[%5d.%06d]", nanos / 1_000_000_000L, nanos % 1_000_000_000L / 1_000));
        machine.exec(0, () -> probe.log.log(level, message));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void levelListKeepsOnlyThoseLevels() {
        interpreter.execute("dmesg -l err,warn");

        assertThat(out()).isEqualTo(stamps.get(2) + " WARNING: CPU 1 state 3 failed\n"
                + stamps.get(3) + " smpboot: do_boot_cpu failed(-5) to wakeup CPU#1\n");
    }

    @Test
    void levelWithTrailingPlusAddsTheMoreSevereOnes() {
        interpreter.execute("dmesg --level=err+");

        assertThat(out()).isEqualTo(stamps.get(3) + " smpboot: do_boot_cpu failed(-5) to wakeup CPU#1\n"
                + stamps.get(4) + " CPU1: failed to come online\n");
    }

    @Test
    void levelWithLeadingPlusAddsTheLessSevereOnes() {
        assertThat(Dmesg.levels("+warn")).containsExactly(Level.WARNING, Level.NOTICE, Level.INFO, Level.DEBUG);
    }

    @Test
    void rawPrefixesEachLineWithItsLevelNumber() {
        interpreter.execute("dmesg -r -l notice,crit");

        assertThat(out()).isEqualTo("<5>" + stamps.get(0) + " probe: ready\n"
                + "<2>" + stamps.get(4) + " CPU1: failed to come online\n");
    }

    @Test
    void readClearPrintsThenEmptiesTheLog() {
        interpreter.execute("dmesg -c");
        String first = out();
        interpreter.execute("dmesg");

        assertThat(first).hasLineCount(5).startsWith(stamps.get(0) + " probe: ready\n");
        assertThat(out()).isEqualTo(first);
        assertThat(machine.machine().kernelLog()).isEmpty();
    }

    @Test
    void clusteredOptionsAndAttachedLevelAreUnderstood() {
        interpreter.execute("dmesg -rcl crit");

        assertThat(out()).isEqualTo("<2>" + stamps.get(4) + " CPU1: failed to come online\n");
        assertThat(machine.machine().kernelLog()).isEmpty();
    }

    @Test
    void clearPrintsNothing() {
        interpreter.execute("dmesg -C");

        assertThat(out()).isEmpty();
        assertThat(machine.machine().kernelLog()).isEmpty();
    }

    @Test
    void unknownLevelIsAnErrorBeforeAScriptRuns() {
        assertThatThrownBy(() -> Interpreter.validate("s.sh", List.of("dmesg -l warning")))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessageStartingWith("s.sh:1: dmesg: unknown level 'warning'");
        assertThatThrownBy(() -> Interpreter.validate("s.sh", List.of("dmesg -x")))
                .hasMessageStartingWith("s.sh:1: dmesg: invalid option -- 'x'");
        assertThatThrownBy(() -> Interpreter.validate("s.sh", List.of("dmesg -l")))
                .hasMessage("s.sh:1: dmesg: option requires an argument -- 'l'");
    }
}
