package org.hotplugemu.archetypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven as a user would, in its own process, on a repository of its own: this build's
 * artifacts (installed there by invoker:install) and, read-only through a {@code file:} URL, the
 * user's repository for third-party artifacts. No network, and nothing written to {@code ~/.m2}.
 */
final class NestedMaven {
    /** A generous guard against a hung build, not a timing assertion. */
    private static final long TIMEOUT_MINUTES = 10;

    private final Path mvn;
    private final Path settings;

    private NestedMaven(Path mvn, Path settings) {
        this.mvn = mvn;
        this.settings = settings;
    }

    /** Writes the settings under {@code work} and finds {@code mvn}. */
    static NestedMaven create(Path work, Path itRepository, Path userRepository) throws IOException {
        Files.createDirectories(work);
        Path settings = work.resolve("settings.xml");
        String mirror = userRepository.toUri().toString();
        // "central" redefined: third-party releases come from the user's repository as files; this
        // build's snapshots come only from the IT repository (snapshots off for the file: one).
        Files.writeString(settings, """
                <settings>
                  <localRepository>%s</localRepository>
                  <interactiveMode>false</interactiveMode>
                  <profiles>
                    <profile>
                      <id>user-repository-as-central</id>
                      <repositories>
                        <repository>
                          <id>central</id>
                          <url>%s</url>
                          <releases><enabled>true</enabled></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>central</id>
                          <url>%s</url>
                          <releases><enabled>true</enabled></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>user-repository-as-central</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(itRepository, mirror, mirror));
        return new NestedMaven(findMvn(), settings);
    }

    /** {@code maven.home} (set by the outer build), then {@code MAVEN_HOME}, then the {@code PATH}. */
    static Path findMvn() {
        List<Path> candidates = new ArrayList<>();
        String home = System.getProperty("maven.home", "");
        if (!home.isEmpty()) {
            candidates.add(Path.of(home, "bin", "mvn"));
        }
        String env = System.getenv("MAVEN_HOME");
        if (env != null && !env.isEmpty()) {
            candidates.add(Path.of(env, "bin", "mvn"));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "mvn"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("no mvn: tried " + candidates));
    }

    /** Runs {@code mvn -B -s settings ARGS} in {@code dir}, asserts it succeeded and returns its output. */
    String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-Dstyle.color=never", "-s", settings.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(settings.getParent(), "mvn-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The outer build's options (e.g. a debugger or -Dmaven.repo.local) are not the user's.
        builder.environment().remove("MAVEN_ARGS");
        // Short-lived JVMs: the C1 compiler alone starts Maven sooner (CI has 2 cores).
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -Xshare:auto");
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("%s finished within %d minutes; output:%n%s", command, TIMEOUT_MINUTES, output).isTrue();
        assertThat(process.exitValue()).as("exit status of %s in %s; output:%n%s", command, dir, output).isZero();
        return output;
    }
}
