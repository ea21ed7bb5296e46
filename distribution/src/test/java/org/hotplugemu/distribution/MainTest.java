package org.hotplugemu.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.hotplugemu.distribution.cli.Commands;
import org.hotplugemu.distribution.cli.Streams;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return Main.run(new Streams(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownOptionIsAOneLineUsageError() {
        assertThat(run("", "boot", "--frobnicate")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: Unknown option: '--frobnicate' (see hotplug-emu boot --help)\n");
    }

    @Test
    void badEngineIsAUsageError() {
        assertThat(run("", "boot", "--engine", "warp")).isEqualTo(2);
        assertThat(err()).startsWith("hotplug-emu: Invalid value for option '--engine'").doesNotContain("\tat ");
    }

    @Test
    void missingCommandIsAUsageError() {
        assertThat(run("")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: missing command: one of boot, shell, run, states, plugins, bench, torture, mount, nsrun, serve, explore (see hotplug-emu --help)\n");
    }

    @Test
    void unknownArchitectureListsTheAvailableOnes() {
        assertThat(run("", "boot", "--arch", "sparc")).isEqualTo(2);
        assertThat(err()).startsWith("hotplug-emu: unknown architecture 'sparc' (--arch): available: ").endsWith("\n");
        assertThat(err().lines()).hasSize(1);
    }

    @Test
    void severalStartupProblemsAreOneNumberedList() {
        assertThat(run("", "boot", "--arch", "sparc", "--cpus", "3", "--smt", "2", "--trace", "t.pdf")).isEqualTo(2);
        assertThat(err().lines()).hasSize(4)
                .startsWith("hotplug-emu: 3 problems keep the emulator from starting:")
                .anyMatch(line -> line.startsWith("  1. unknown architecture 'sparc'"))
                .anyMatch(line -> line.startsWith("  2. cannot tell the trace format of t.pdf"))
                .anyMatch(line -> line.equals("  3. --cpus 3 is not a multiple of --smt 2"));
    }

    @Test
    void badScriptExitsTwoBeforeBooting() {
        // The architecture is unknown too: the script is checked first, so only its error shows.
        assertThat(run("echo ok\ncat 'unterminated\n", "run", "--arch", "sparc", "-")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: <stdin>:2: syntax error: unterminated quote '\n");
    }

    @Test
    void missingScriptFileExitsTwo() {
        assertThat(run("", "run", "/no/such/script.sh")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: cannot read script /no/such/script.sh: No such file or directory\n");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"boot", "shell", "run", "states", "plugins"}) {
            out.reset();
            assertThat(run("", command, "--help")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: hotplug-emu " + command);
        }
    }

    @Test
    void topLevelHelpListsEveryCommandAsIfEachWereBuilt() {
        // Main lists the commands from their names and descriptions only; the help must not tell.
        Streams streams = new Streams(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        CommandLine everyCommandBuilt = new CommandLine(new Main());
        Commands.names().forEach(name -> everyCommandBuilt.addSubcommand(name, Commands.create(name, streams).orElseThrow()));

        assertThat(run("", "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(everyCommandBuilt.getUsageMessage()).contains("  explore  Fail every");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("", "stats")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: Unmatched argument at index 0: 'stats' (see hotplug-emu --help)\n");
    }

    @Test
    void versionOnTheClassPathSaysItIsADevelopmentBuild() {
        // target/classes has no manifest; the packaged launcher's version is checked in LauncherIT.
        assertThat(run("", "--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hotplug-emu (development build)\n");
    }
}
