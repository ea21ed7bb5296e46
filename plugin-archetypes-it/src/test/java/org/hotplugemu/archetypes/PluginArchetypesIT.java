package org.hotplugemu.archetypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What README "Writing plugins" tells a new user to do, end to end: generate an architecture and a
 * driver plugin from this build's archetypes, build and test them with Maven against this build's
 * artifacts (no network, nothing installed into {@code ~/.m2}), then load both jars into the
 * packaged distribution with {@code --plugins}, boot the generated architecture, take a CPU down
 * and up and find the driver's state in {@code hotplug/states}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginArchetypesIT {
    static final String ARCH = "itmailbox";
    static final String DRIVER = "itbuffer";

    private static Path work;
    private static Path plugins;
    private static NestedMaven maven;

    @BeforeAll
    static void setUp() throws IOException {
        work = Path.of(System.getProperty("hotplugemu.work", "target/it-work")).toAbsolutePath();
        deleteTree(work);
        plugins = Files.createDirectories(work.resolve("plugins"));
        maven = NestedMaven.create(work, Path.of(System.getProperty("hotplugemu.itRepository")),
                Path.of(System.getProperty("hotplugemu.userRepository")));
    }

    @Test
    @Order(1)
    void theArchitectureArchetypeGeneratesAProjectWhoseTestsBootIt() throws Exception {
        Path project = generate("hotplug-emu-arch-archetype", "it-arch-plugin", "org.example.itarch", "-DarchName=" + ARCH);

        String build = maven.run(project, "verify");

        assertThat(build).contains("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0").contains("BUILD SUCCESS");
        assertThat(project.resolve("target/classes/META-INF/services/org.hotplugemu.arch.spi.ArchitectureProvider"))
                .content().isEqualTo("org.example.itarch.MailboxArchitectureProvider\n");
        Files.copy(project.resolve("target/it-arch-plugin-1.0.0.jar"), plugins.resolve("it-arch-plugin.jar"));
    }

    @Test
    @Order(2)
    void theDriverArchetypeGeneratesAProjectWhoseTestsPass() throws Exception {
        Path project = generate("hotplug-emu-driver-archetype", "it-driver-plugin", "org.example.itdriver", "-DdriverName=" + DRIVER);

        String build = maven.run(project, "verify");

        assertThat(build).contains("BUILD SUCCESS")
                .containsPattern("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, .* in org\\.example\\.itdriver\\.BufferDriverTest");
        // One dynamic test per failable step and per CPU of the registration; a state without a
        // callback in one direction is skipped, as FailAtEveryStep reports it.
        java.util.regex.Matcher faults = java.util.regex.Pattern
                .compile("Tests run: (\\d+), Failures: 0, Errors: 0, Skipped: (\\d+), .* in org\\.example\\.itdriver\\.BufferDriverFaultsTest")
                .matcher(build);
        assertThat(faults.find()).as("BufferDriverFaultsTest passed; output:%n%s", build).isTrue();
        assertThat(Integer.parseInt(faults.group(1)) - Integer.parseInt(faults.group(2))).isGreaterThanOrEqualTo(5);
        assertThat(project.resolve("target/classes/META-INF/services/org.hotplugemu.api.driver.HotplugDriverProvider"))
                .content().isEqualTo("org.example.itdriver.BufferDriverProvider\n");
        Files.copy(project.resolve("target/it-driver-plugin-1.0.0.jar"), plugins.resolve("it-driver-plugin.jar"));
    }

    @Test
    @Order(3)
    void theDistributionBootsTheGeneratedArchitectureWithTheGeneratedDriver() throws Exception {
        assertThat(plugins.resolve("it-arch-plugin.jar")).as("the architecture plugin built").isRegularFile();
        assertThat(plugins.resolve("it-driver-plugin.jar")).as("the driver plugin built").isRegularFile();
        String script = """
                set -e
                cat /sys/devices/system/cpu/online
                echo 0 > /sys/devices/system/cpu/cpu2/online
                cat /sys/devices/system/cpu/online
                cat /sys/kernel/debug/%1$s/buffers
                echo 1 > /sys/devices/system/cpu/cpu2/online
                cat /sys/devices/system/cpu/online
                cat /sys/kernel/debug/%1$s/buffers
                cat /sys/devices/system/cpu/hotplug/states
                dmesg -l warn,err+
                """.formatted(DRIVER);

        Result result = launch(script, "run", "--plugins", plugins.toString(), "--arch", ARCH, "--cpus", "4", "-");

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).startsWith("0-3", "0-1,3", "0-1,3", "0-3", "0-3");
        assertThat(lines).anyMatch(line -> line.matches(" *\\d+: " + DRIVER + ":online"));
        // dmesg -l warn,err+ prints nothing: the backend confirmed CPU 2's death without complaint.
        assertThat(lines).noneMatch(line -> line.startsWith("["));
    }

    @Test
    @Order(4)
    void theDistributionListsBothPlugins() {
        Result result = launch("", "plugins", "--plugins", plugins.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        assertThat(result.out()).containsPattern("architecture +" + ARCH + " +1\\.0\\.0 +" + plugins.resolve("it-arch-plugin.jar"))
                .containsPattern("driver +" + DRIVER + " +1\\.0\\.0 +" + plugins.resolve("it-driver-plugin.jar"));
    }

    private static Path generate(String archetype, String artifactId, String pkg, String... properties) throws Exception {
        List<String> args = new ArrayList<>(List.of(System.getProperty("hotplugemu.archetypePlugin") + ":generate",
                "-DarchetypeGroupId=org.hotplugemu", "-DarchetypeArtifactId=" + archetype,
                "-DarchetypeVersion=" + System.getProperty("hotplugemu.version"), "-DarchetypeCatalog=local",
                "-DgroupId=org.example", "-DartifactId=" + artifactId, "-Dversion=1.0.0", "-Dpackage=" + pkg));
        args.addAll(List.of(properties));
        maven.run(work, args.toArray(String[]::new));
        Path project = work.resolve(artifactId);
        assertThat(project.resolve("pom.xml")).isRegularFile();
        return project;
    }

    record Result(int status, String out, String err) {
    }

    private static Result launch(String stdin, String... args) {
        Path launcher = Path.of(System.getProperty("hotplugemu.dist", "../distribution/target/hotplug-emu"), "bin", "hotplug-emu");
        assertThat(launcher).as("the packaged launcher").isExecutable();
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("hotplug-emu finished").isTrue();
            return new Result(process.exitValue(), out.join(), err.join());
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
