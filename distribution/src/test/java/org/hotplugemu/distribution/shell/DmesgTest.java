package org.hotplugemu.distribution.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotplugemu.api.kernel.KernelLog.Level;
import org.hotplugemu.core.machine.KernelLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DmesgTest {
    private final TestingMachine machine = new TestingMachine(2);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Interpreter interpreter = new Interpreter(machine,
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @BeforeEach
    void logAtSeveralLevels() {
        machine.log.add(new KernelLogEntry(1_500_000, Level.INFO, "smpboot: CPU 1 is now offline"));
        machine.log.add(new KernelLogEntry(2_000_000, Level.WARNING, "WARNING: CPU 1 state 3 failed"));
        machine.log.add(new KernelLogEntry(3_000_000, Level.ERR, "smpboot: do_boot_cpu failed(-5) to wakeup CPU#1"));
        machine.log.add(new KernelLogEntry(4_000_000, Level.CRIT, "CPU1: failed to come online"));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void levelListKeepsOnlyThoseLevels() {
        interpreter.execute("dmesg -l err,warn");

        assertThat(out()).isEqualTo("[    0.002000] WARNING: CPU 1 state 3 failed\n"
                + "[    0.003000] smpboot: do_boot_cpu failed(-5) to wakeup CPU#1\n");
    }

    @Test
    void levelWithTrailingPlusAddsTheMoreSevereOnes() {
        interpreter.execute("dmesg --level=err+");

        assertThat(out()).isEqualTo("[    0.003000] smpboot: do_boot_cpu failed(-5) to wakeup CPU#1\n"
                + "[    0.004000] CPU1: failed to come online\n");
    }

    @Test
    void levelWithLeadingPlusAddsTheLessSevereOnes() {
        assertThat(Dmesg.levels("+warn")).containsExactly(Level.WARNING, Level.NOTICE, Level.INFO, Level.DEBUG);
    }

    @Test
    void rawPrefixesEachLineWithItsLevelNumber() {
        interpreter.execute("dmesg -r -l notice,crit");

        assertThat(out()).isEqualTo("<5>[    0.000000] Linux version 6.1.0 (testing)\n"
                + "<2>[    0.004000] CPU1: failed to come online\n");
    }

    @Test
    void readClearPrintsThenEmptiesTheLog() {
        interpreter.execute("dmesg -c");
        String first = out();
        interpreter.execute("dmesg");

        assertThat(first).hasLineCount(5);
        assertThat(out()).isEqualTo(first);
        assertThat(machine.kernelLog()).isEmpty();
    }

    @Test
    void clusteredOptionsAndAttachedLevelAreUnderstood() {
        interpreter.execute("dmesg -rcl crit");

        assertThat(out()).isEqualTo("<2>[    0.004000] CPU1: failed to come online\n");
        assertThat(machine.kernelLog()).isEmpty();
    }

    @Test
    void clearPrintsNothing() {
        interpreter.execute("dmesg -C");

        assertThat(out()).isEmpty();
        assertThat(machine.kernelLog()).isEmpty();
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
