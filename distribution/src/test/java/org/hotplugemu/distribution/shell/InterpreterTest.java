package org.hotplugemu.distribution.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.testkit.MachineSpec;
import org.hotplugemu.testkit.TestMachine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shell on a booted x86 machine: sysfs files for the CPUs, and a probe driver's file that keeps what was written. */
class InterpreterTest {
    private static final String CPU = TestMachine.CPU;
    private static final String PROBE = ProbeDriver.FILE;

    private final ProbeDriver probe = new ProbeDriver();
    private final TestMachine machine = TestMachine.boot(new MachineSpec("x86", 4, "linux-6.1-x86_64", "sim", 1, ""), List.of(probe));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Interpreter interpreter = new Interpreter(machine.machine(),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @AfterEach
    void invariantsHoldAndTheMachineCloses() {
        try {
            machine.assertInvariants();
        }
        finally {
            machine.close();
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void echoRedirectionWritesTheValueWithItsNewline() {
        assertThat(interpreter.execute("echo 0 > " + PROBE)).isZero();
        assertThat(interpreter.execute("echo 0 > " + CPU + "/cpu1/online")).isZero();

        assertThat(probe.writes).containsExactly("0\n");
        assertThat(machine.state(1)).isZero();
        assertThat(out()).isEmpty();
    }

    @Test
    void echoDashNWritesWithoutNewline() {
        interpreter.execute("echo -n 0 >" + PROBE);
        interpreter.execute("echo -n 0 >" + CPU + "/cpu2/online");

        assertThat(probe.writes).containsExactly("0");
        assertThat(machine.state(2)).isZero();
    }

    @Test
    void catPrintsTheFileAsIs() {
        interpreter.execute("cat " + CPU + "/hotplug/states");

        assertThat(out()).startsWith("  0: offline\n").endsWith("236: online\n").isEqualTo(machine.read(CPU + "/hotplug/states"));
    }

    @Test
    void rejectedWriteReportsTheErrnoTextAndStatusOne() {
        int status = interpreter.execute("echo 7 > " + CPU + "/cpu1/online");
        interpreter.execute("echo $?");

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("echo: write error: Invalid argument\nhotplug-emu: '7' is not a boolean: use 1/0, y/n, on/off\n");
        assertThat(out()).isEqualTo("1\n");
        assertThat(machine.state(1)).isEqualTo(machine.onlineState());
    }

    @Test
    void failedWritePrintsTheWholeReportOnTheLinesAfterTheErrnoLine() {
        probe.writeFailure = new HotplugException(Errno.EDEADLK, "deadlock: every emulated thread is blocked\n"
                + "  cpuhp/1 waits on completion done_down\n  sh waits on cpu_hotplug_lock\n");

        assertThat(interpreter.execute("echo 0 > " + PROBE)).isEqualTo(1);

        assertThat(err()).isEqualTo("echo: write error: Resource deadlock avoided\n"
                + "hotplug-emu: deadlock: every emulated thread is blocked\n"
                + "  cpuhp/1 waits on completion done_down\n  sh waits on cpu_hotplug_lock\n");
    }

    @Test
    void failedWritePrintsTheJavaStackOnlyWhenVerbose() {
        ByteArrayOutputStream verboseErr = new ByteArrayOutputStream();
        Interpreter verbose = new Interpreter(machine.machine(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(verboseErr, true, StandardCharsets.UTF_8), true);
        probe.writeFailure = new HotplugException(Errno.EBUSY, "CPU 1 is busy");

        verbose.execute("echo 0 > " + PROBE);
        interpreter.execute("echo 0 > " + PROBE);

        assertThat(verboseErr.toString(StandardCharsets.UTF_8))
                .startsWith("echo: write error: Device or resource busy\nhotplug-emu: CPU 1 is busy\n")
                .contains("\tat org.hotplugemu.distribution.shell.");
        assertThat(err()).isEqualTo("echo: write error: Device or resource busy\nhotplug-emu: CPU 1 is busy\n");
    }

    @Test
    void writeToReadOnlyFileReportsPermissionDenied() {
        interpreter.execute("echo 1 > " + CPU + "/hotplug/states");

        assertThat(err()).isEqualTo("hotplug-emu: can't create " + CPU + "/hotplug/states: Permission denied\n");
        assertThat(interpreter.lastStatus()).isEqualTo(1);
    }

    @Test
    void redirectionToAFileThatDoesNotExistIsRefusedInBusyboxWords() {
        // sysfs refuses to create a file in an existing directory; a missing directory is ENOENT.
        interpreter.execute("echo 1 > " + CPU + "/cpu1/nonexistent");
        interpreter.execute("echo -n > " + CPU + "/cpu1/nonexistent");
        interpreter.execute("echo 1 > " + CPU + "/cpu9/online");

        assertThat(err()).isEqualTo("hotplug-emu: can't create " + CPU + "/cpu1/nonexistent: Permission denied\n"
                + "hotplug-emu: can't create " + CPU + "/cpu1/nonexistent: Permission denied\n"
                + "hotplug-emu: can't create " + CPU + "/cpu9/online: nonexistent directory\n");
        assertThat(interpreter.lastStatus()).isEqualTo(1);
    }

    @Test
    void catOfMissingFileReportsNoSuchFile() {
        int status = interpreter.execute("cat " + CPU + "/cpu9/online");

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("cat: " + CPU + "/cpu9/online: No such file or directory\n");
    }

    @Test
    void lsListsDirectoryEntriesWithDirectoriesMarked() {
        interpreter.execute("ls " + CPU);

        assertThat(out().lines().toList()).contains("cpu0/", "cpu1/", "cpu2/", "cpu3/", "hotplug/", "online", "possible")
                .doesNotContain("cpu4/", "online/").isSorted();
    }

    @Test
    void lsOfMissingPathFails() {
        assertThat(interpreter.execute("ls /nope")).isEqualTo(1);
        assertThat(err()).isEqualTo("ls: cannot access '/nope': No such file or directory\n");
    }

    @Test
    void quotesCommentsAndEscapesAreResolved() {
        interpreter.execute("echo 'a  b' \"c $?\" d\\ e # not printed");

        assertThat(out()).isEqualTo("a  b c 0 d e\n");
    }

    @Test
    void dmesgPrintsTheLog() {
        interpreter.execute("echo 0 > " + CPU + "/cpu3/online");
        interpreter.execute("dmesg");

        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(machine.dmesg().size()).allMatch(line -> line.matches("\\[ *\\d+\\.\\d{6}\\] .*"));
        assertThat(lines.get(0)).contains("Linux version");
        assertThat(lines.get(lines.size() - 1)).endsWith("] smpboot: CPU 3 is now offline");
    }

    @Test
    void sleepAdvancesEngineTimeByDecimalSeconds() {
        long before = machine.machine().nanoTime();
        interpreter.execute("sleep 0.25");

        assertThat(machine.machine().nanoTime() - before).isEqualTo(250_000_000L);
    }

    @Test
    void sleepWithBadIntervalFails() {
        assertThat(interpreter.execute("sleep soon")).isEqualTo(1);
        assertThat(err()).isEqualTo("sleep: invalid time interval 'soon'\n");
    }

    @Test
    void scriptReturnsStatusOfLastCommand() {
        int status = interpreter.runScript("t.sh", List.of(
                "echo 5 > " + CPU + "/cpu1/online",
                "echo 0 > " + PROBE));

        assertThat(status).isZero();
        assertThat(probe.writes).containsExactly("0\n");
        assertThat(machine.state(1)).isEqualTo(machine.onlineState());
    }

    @Test
    void scriptStopsAtFirstFailureUnderSetE() {
        int status = interpreter.runScript("t.sh", List.of(
                "set -e",
                "cat /missing",
                "echo 0 > " + PROBE));

        assertThat(status).isEqualTo(1);
        assertThat(probe.writes).isEmpty();
    }

    @Test
    void exitEndsTheScriptWithItsStatus() {
        int status = interpreter.runScript("t.sh", List.of("exit 3", "echo 0 > " + PROBE));

        assertThat(status).isEqualTo(3);
        assertThat(probe.writes).isEmpty();
    }

    @Test
    void unknownCommandMakesTheScriptBadBeforeAnythingRuns() {
        assertThatThrownBy(() -> interpreter.runScript("t.sh", List.of(
                "echo 0 > " + PROBE,
                "# a comment",
                "reboot")))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessage("t.sh:3: reboot: command not found (try help)");
        assertThat(probe.writes).isEmpty();
    }

    @Test
    void unterminatedQuoteIsASyntaxError() {
        assertThatThrownBy(() -> Interpreter.validate("-", List.of("echo 'x")))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessage("-:1: syntax error: unterminated quote '");
    }

    @Test
    void pipesAreRejected() {
        assertThatThrownBy(() -> Interpreter.validate("s", List.of("cat /a | grep x")))
                .hasMessageContaining("`|' is not supported");
    }

    @Test
    void redirectionWithoutTargetIsASyntaxError() {
        assertThatThrownBy(() -> Interpreter.validate("s", List.of("echo 1 >")))
                .hasMessage("s:1: syntax error near unexpected token `newline'");
    }

    @Test
    void badLineInTheShellPrintsItsErrorAndSetsStatusTwo() {
        assertThat(interpreter.execute("frobnicate")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: frobnicate: command not found (try help)\n");
        assertThat(interpreter.exitRequested()).isFalse();
    }

    @Test
    void helpListsEveryCommand() {
        interpreter.execute("help");

        for (String name : Interpreter.commandNames()) {
            assertThat(out()).containsPattern("(?m)^" + name + "\\b");
        }
    }
}
