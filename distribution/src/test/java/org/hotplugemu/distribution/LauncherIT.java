package org.hotplugemu.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotplugemu.distribution.Launcher.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: the packaged launcher, its Java discovery, options and exit statuses. */
class LauncherIT {
    private static final String JAVA_17 = "/usr/lib/jvm/java-17-openjdk-amd64";

    @TempDir
    Path work;

    @Test
    void distributionHasItsLayout() {
        Path home = Launcher.home();
        assertThat(home.resolve("lib")).isDirectoryContaining(path -> path.getFileName().toString().startsWith("arch-x86-"))
                .isDirectoryContaining(path -> path.getFileName().toString().startsWith("arch-arm64-"))
                .isDirectoryContaining(path -> path.getFileName().toString().startsWith("drivers-"));
        assertThat(home.resolve("plugins")).isDirectory();
        assertThat(home.resolve("profiles/linux-6.1-x86_64.json")).isRegularFile();
        assertThat(home.resolve("docs/README.md")).isRegularFile();
        assertThat(home.getParent()).isDirectoryContaining(path -> path.getFileName().toString().matches("hotplug-emu-.+\\.tar\\.gz"));
    }

    @Test
    void hotplugStatesMatchesTheReferenceKernel() throws Exception {
        Result result = Launcher.run("cat /sys/devices/system/cpu/hotplug/states\n",
                "run", "--arch", "x86", "--profile", "linux-6.1-x86_64", "--cpus", "4", "-");

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo(Launcher.resource("/reference/linux-6.1-x86_64/states.txt"));
    }

    @Test
    void launcherFindsANewerJdkWhenTheDefaultJavaIsTooOld() {
        assumeTrue(Files.isExecutable(Path.of(JAVA_17, "bin/java")), "needs a JDK 17 at " + JAVA_17);

        Result result = Launcher.run(Map.of("JAVA_HOME", JAVA_17, "PATH", JAVA_17 + "/bin:/usr/bin:/bin"), "", "--version");

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        assertThat(result.out()).startsWith("hotplug-emu ");
    }

    @Test
    void shortCommandsStartWithTheSerialCollectorAndAChosenCollectorWins() {
        // -Xlog:gc names the collector on stdout.
        Result states = Launcher.run(Map.of("HOTPLUG_EMU_OPTS", "-Xlog:gc"), "", "states");
        Result benchHelp = Launcher.run(Map.of("HOTPLUG_EMU_OPTS", "-Xlog:gc"), "", "bench", "--help");
        Result chosen = Launcher.run(Map.of("HOTPLUG_EMU_OPTS", "-XX:+UseParallelGC -Xlog:gc"), "", "states");

        assertThat(states.status()).isZero();
        assertThat(states.out()).contains("Using Serial").contains("CPUHP_ONLINE");
        assertThat(benchHelp.status()).isZero();
        assertThat(benchHelp.out()).doesNotContain("Using Serial");
        assertThat(chosen.err()).isEmpty();
        assertThat(chosen.status()).isZero();
        assertThat(chosen.out()).contains("Using Parallel").doesNotContain("Using Serial");
    }

    @Test
    void exploreAlsoGetsASmallYoungGenerationUnlessOneIsChosen() {
        // -XX:+PrintFlagsFinal lists MaxNewSize on stdout before the command's help.
        Result explore = Launcher.run(Map.of("HOTPLUG_EMU_OPTS", "-XX:+PrintFlagsFinal"), "", "explore", "--help");
        Result chosen = Launcher.run(Map.of("HOTPLUG_EMU_OPTS", "-Xmn64m -XX:+PrintFlagsFinal"), "", "explore", "--help");

        assertThat(explore.status()).isZero();
        assertThat(explore.out()).containsPattern("MaxNewSize += 50331648 ").containsPattern("UseSerialGC += true +\\{product\\} \\{command line\\}");
        assertThat(chosen.status()).isZero();
        // The rest of the tuning goes too: the collector is the JVM's choice again.
        assertThat(chosen.out()).containsPattern("MaxNewSize += 67108864 ").doesNotContainPattern("UseSerialGC += true +\\{product\\} \\{command line\\}");
    }

    @Test
    void launcherSaysWhatItNeedsWhenNoJdkIsRecentEnough() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path oldJava = bin.resolve("java");
        Files.writeString(oldJava, "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\n");
        oldJava.toFile().setExecutable(true);

        Result result = Launcher.run(Map.of("JAVA_HOME", "", "PATH", bin + ":/usr/bin:/bin",
                "HOTPLUG_EMU_JVM_DIRS", Files.createDirectories(work.resolve("jvm")).toString()), "", "boot");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("hotplug-emu: needs a Java runtime >= 21; found: " + oldJava + " (17); set JAVA_HOME\n");
    }

    @Test
    void bootPrintsTheKernelLogAndWritesTheTrace() throws Exception {
        Path trace = work.resolve("boot.txt");

        Result result = Launcher.run("", "boot", "--arch", "x86", "--cpus", "4", "--trace", trace.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("smp: Brought up 1 node, 4 CPUs");
        assertThat(Files.readString(trace)).startsWith("# tracer: nop").contains("cpuhp_enter: cpu: 0001");
    }

    @Test
    void arm64Boots() {
        Result result = Launcher.run("", "boot", "--arch", "arm64", "--cpus", "4", "--json");

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("\"architecture\" : \"arm64\"").contains("\"online\" : \"0-3\"");
    }

    @Test
    void unknownArchitectureIsOneLineListingTheAvailableOnes() {
        Result result = Launcher.run("", "boot", "--arch", "sparc");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("hotplug-emu: unknown architecture 'sparc' (--arch): available: arm64, x86\n");
    }

    @Test
    void badOptionIsOneLineWithStatusTwo() {
        Result result = Launcher.run("", "run", "--cpus", "many", "-");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().startsWith("hotplug-emu: Invalid value for option '--cpus'");
    }

    @Test
    void badScriptIsOneLineWithStatusTwo() {
        Result result = Launcher.run("echo 0 > /sys/devices/system/cpu/cpu1/online\nreboot now\n", "run", "-");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("hotplug-emu: <stdin>:2: reboot: command not found (try help)\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void failingWriteReportsErrnoAndSetEStopsTheScript() {
        String script = """
                echo 0 > /sys/devices/system/cpu/cpu1/online
                cat /sys/devices/system/cpu/online
                set -e
                echo 7 > /sys/devices/system/cpu/cpu1/online
                echo not reached
                """;

        Result result = Launcher.run(script, "run", "--arch", "x86", "--cpus", "4", "-");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("0,2-3\n");
        assertThat(result.err()).isEqualTo("echo: write error: Invalid argument\n"
                + "hotplug-emu: '7' is not a boolean: use 1/0, y/n, on/off\n");
    }

    @Test
    void pluginJarInAPluginDirectoryIsListed() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        org.hotplugemu.distribution.plugin.PluginJars.build(plugins, "toy-arch", "9.8.7",
                Map.of("toy.Provider", org.hotplugemu.distribution.plugin.PluginJars.architectureProvider("toy", "toy", "")),
                Map.of("org.hotplugemu.arch.spi.ArchitectureProvider", "toy.Provider"));

        Result result = Launcher.run("", "plugins", "--plugins", plugins.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        assertThat(result.out()).containsPattern("architecture +toy +9\\.8\\.7 +" + plugins.resolve("toy-arch.jar"));
    }
}
