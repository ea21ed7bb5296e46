package org.hotplugemu.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code bin/hotplug-emu} as a user would, piped. */
final class Launcher {
    /** The result of one run. */
    record Result(int status, String out, String err) {
    }

    static Path home() {
        Path home = Path.of(System.getProperty("hotplugemu.dist", "target/hotplug-emu"));
        assertThat(home.resolve("bin/hotplug-emu")).as("the packaged launcher (run mvn package first)").isExecutable();
        return home;
    }

    static Result run(String stdin, String... args) {
        return run(Map.of(), stdin, args);
    }

    /** Runs the launcher with extra environment variables (an empty value removes the variable). */
    static Result run(Map<String, String> environment, String stdin, String... args) {
        return runAt(home(), environment, stdin, args);
    }

    /** Runs the launcher of the installation at {@code home} (e.g. an unpacked archive). */
    static Result runAt(Path home, Map<String, String> environment, String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/hotplug-emu").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            Process process = builder.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            // A generous guard against a hung emulator, not a timing assertion.
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("hotplug-emu finished").isTrue();
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String resource(String name) throws IOException {
        try (var in = Launcher.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static boolean exists(String path) {
        return Files.exists(Path.of(path));
    }
}
