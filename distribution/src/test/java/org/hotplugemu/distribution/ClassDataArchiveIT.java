package org.hotplugemu.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotplugemu.distribution.Launcher.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: the class-data archive made when the distribution is packaged is used by the
 * launcher, and silently skipped when it does not fit (another JDK, an installation moved or unpacked
 * elsewhere, which one run with {@code HOTPLUG_EMU_MAKE_CACHE=1} gives its own).
 */
class ClassDataArchiveIT {
    /** Makes the JVM name where each class came from, on stdout. */
    private static final Map<String, String> LOG_CLASS_LOADING = Map.of("HOTPLUG_EMU_OPTS", "-Xlog:class+load=info");
    private static final String FROM_ARCHIVE = "org.hotplugemu.distribution.Main source: shared objects file";
    private static final String FROM_JAR = "org.hotplugemu.distribution.Main source: file:";

    @TempDir
    Path work;

    private static Path archive(Path home) {
        Path aot = home.resolve("lib/hotplug-emu.aot");
        return Files.exists(aot) ? aot : home.resolve("lib/hotplug-emu.jsa");
    }

    @Test
    void packagingLeavesAnArchiveAndTheJdkItBelongsTo() throws IOException {
        Path home = Launcher.home();

        assertThat(archive(home)).isRegularFile();
        assertThat(Files.readString(home.resolve("lib/hotplug-emu.jdk"))).isNotBlank();
    }

    @Test
    void theLauncherStartsFromTheArchive() {
        Result result = Launcher.run(LOG_CLASS_LOADING, "", "states");

        assertThat(result.status()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains(FROM_ARCHIVE).contains("CPUHP_ONLINE");
        // The command run and picocli come from the archive too: picocli is compiled for Java 5, whose
        // classes the JDK does not archive, so the build raises them to Java 8 (ClassFileUpgrade).
        assertThat(result.out()).contains("org.hotplugemu.distribution.cli.StatesCommand source: shared objects file",
                "picocli.CommandLine source: shared objects file");
        assertThat(result.out().lines().filter(line -> line.contains(" source: file:")))
                .noneMatch(line -> line.contains(" picocli.") || line.contains(" org.hotplugemu."));
    }

    @Test
    void theUnpackedArchiveStartsWithoutTheBuildsArchiveThenFromItsOwn() throws Exception {
        // The JDK checks an archive's module path as it was recorded: the build's archive does not
        // fit an installation unpacked elsewhere, which starts without it, silently.
        Path home = unpack();

        Result moved = Launcher.runAt(home, LOG_CLASS_LOADING, "", "states");

        assertThat(moved.err()).isEmpty();
        assertThat(moved.status()).isZero();
        assertThat(moved.out()).contains("CPUHP_ONLINE").doesNotContain(FROM_ARCHIVE);

        // One run with HOTPLUG_EMU_MAKE_CACHE=1 makes the installation its own archive.
        Result made = Launcher.runAt(home, Map.of("HOTPLUG_EMU_MAKE_CACHE", "1"), "", "states");
        assertThat(made.status()).as(made.err()).isZero();
        Result result = Launcher.runAt(home, LOG_CLASS_LOADING, "", "states");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains(FROM_ARCHIVE);
    }

    @Test
    void anArchiveOfAnotherJdkIsSilentlySkipped() throws Exception {
        Path home = unpack();
        Files.writeString(home.resolve("lib/hotplug-emu.jdk"), "Some Vendor 99.0.1+1\n");

        Result result = Launcher.runAt(home, LOG_CLASS_LOADING, "", "states");

        assertThat(result.status()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains(FROM_JAR).doesNotContain(FROM_ARCHIVE);
        // On the module path a package has no manifest attributes unless it comes from the archive:
        // the version is the module's either way.
        Result version = Launcher.runAt(home, Map.of(), "", "--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).matches("hotplug-emu \\d+\\.\\d+\\.\\d+\\S*\n").isEqualTo(Launcher.run("", "--version").out());
    }

    @Test
    void aDamagedArchiveIsSilentlySkipped() throws Exception {
        Path home = unpack();
        Files.write(archive(home), new byte[4096]);

        Result result = Launcher.runAt(home, Map.of(), "", "states");

        assertThat(result.status()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("CPUHP_ONLINE");
    }

    /** Unpacks the distribution's tar.gz into the work directory, as a user would, and returns its home. */
    private Path unpack() throws Exception {
        Path tarball;
        try (var entries = Files.list(Launcher.home().getParent())) {
            tarball = entries.filter(path -> path.getFileName().toString().matches("hotplug-emu-.+\\.tar\\.gz")).findFirst().orElseThrow();
        }
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", work.toString()).inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        try (var entries = Files.list(work)) {
            return entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
