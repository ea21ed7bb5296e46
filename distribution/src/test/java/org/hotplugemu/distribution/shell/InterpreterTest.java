package org.hotplugemu.distribution.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotplugemu.distribution.shell.TestingMachine.CPU;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    private final TestingMachine machine = new TestingMachine(4);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Interpreter interpreter = new Interpreter(machine,
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void echoRedirectionWritesTheValueWithItsNewline() {
        assertThat(interpreter.execute("echo 0 > " + CPU + "/cpu1/online")).isZero();

        assertThat(machine.writes).containsExactly(CPU + "/cpu1/online=0\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void echoDashNWritesWithoutNewline() {
        interpreter.execute("echo -n 0 >" + CPU + "/cpu2/online");

        assertThat(machine.writes).containsExactly(CPU + "/cpu2/online=0");
    }

    @Test
    void catPrintsTheFileAsIs() {
        interpreter.execute("cat " + CPU + "/hotplug/states");

        assertThat(out()).isEqualTo("  0: offline\n236: online\n");
    }

    @Test
    void rejectedWriteReportsTheErrnoTextAndStatusOne() {
        int status = interpreter.execute("echo 7 > " + CPU + "/cpu1/online");
        interpreter.execute("echo $?");

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("echo: write error: Invalid argument\nhotplug-emu: not a boolean: 7\n");
        assertThat(out()).isEqualTo("1\n");
    }

    @Test
    void failedWritePrintsTheWholeReportOnTheLinesAfterTheErrnoLine() {
        machine.writeFailure = new HotplugException(Errno.EDEADLK, "deadlock: every emulated thread is blocked\n"
                + "  cpuhp/1 waits on completion done_down\n  sh waits on cpu_hotplug_lock\n");

        assertThat(interpreter.execute("echo 0 > " + CPU + "/cpu1/online")).isEqualTo(1);

        assertThat(err()).isEqualTo("echo: write error: Resource deadlock avoided\n"
                + "hotplug-emu: deadlock: every emulated thread is blocked\n"
                + "  cpuhp/1 waits on completion done_down\n  sh waits on cpu_hotplug_lock\n");
    }

    @Test
    void failedWritePrintsTheJavaStackOnlyWhenVerbose() {
        ByteArrayOutputStream verboseErr = new ByteArrayOutputStream();
        Interpreter verbose = new Interpreter(machine, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(verboseErr, true, StandardCharsets.UTF_8), true);
        machine.writeFailure = new HotplugException(Errno.EBUSY, "CPU 1 is busy");

        verbose.execute("echo 0 > " + CPU + "/cpu1/online");
        interpreter.execute("echo 0 > " + CPU + "/cpu1/online");

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

        assertThat(out()).isEqualTo("cpu1/\ncpu2/\ncpu3/\nhotplug/\n");
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

        assertThat(out()).isEqualTo("[    0.000000] Linux version 6.1.0 (testing)\n"
                + "[    0.100000] " + CPU + "/cpu3/online <- 0\n");
    }

    @Test
    void sleepAdvancesEngineTimeByDecimalSeconds() {
        interpreter.execute("sleep 0.25");

        assertThat(machine.nanoTime).isEqualTo(250_000_000L);
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
                "echo 0 > " + CPU + "/cpu1/online"));

        assertThat(status).isZero();
        assertThat(machine.writes).hasSize(2);
    }

    @Test
    void scriptStopsAtFirstFailureUnderSetE() {
        int status = interpreter.runScript("t.sh", List.of(
                "set -e",
                "cat /missing",
                "echo 0 > " + CPU + "/cpu1/online"));

        assertThat(status).isEqualTo(1);
        assertThat(machine.writes).isEmpty();
    }

    @Test
    void exitEndsTheScriptWithItsStatus() {
        int status = interpreter.runScript("t.sh", List.of("exit 3", "echo 0 > " + CPU + "/cpu1/online"));

        assertThat(status).isEqualTo(3);
        assertThat(machine.writes).isEmpty();
    }

    @Test
    void unknownCommandMakesTheScriptBadBeforeAnythingRuns() {
        assertThatThrownBy(() -> interpreter.runScript("t.sh", List.of(
                "echo 0 > " + CPU + "/cpu1/online",
                "# a comment",
                "reboot")))
                .isInstanceOf(ScriptSyntaxException.class)
                .hasMessage("t.sh:3: reboot: command not found (try help)");
        assertThat(machine.writes).isEmpty();
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
