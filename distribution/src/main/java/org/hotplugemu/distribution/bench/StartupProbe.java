package org.hotplugemu.distribution.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times start-up the way users meet it: {@code hotplug-emu states} and {@code hotplug-emu boot --cpus 4}
 * as whole processes, each against {@code java -version} of the same JDK in the same run (the ratio
 * cancels most of the machine's speed and load). Through the installed launcher, class-data archive
 * included, when this JVM was started by it; else {@code java -cp} with this class path.
 */
public final class StartupProbe {
    private final List<String> javaCommand;
    private final List<String> emulatorCommand;
    private final boolean launcher;

    private StartupProbe(List<String> javaCommand, List<String> emulatorCommand, boolean launcher) {
        this.javaCommand = List.copyOf(javaCommand);
        this.emulatorCommand = List.copyOf(emulatorCommand);
        this.launcher = launcher;
    }

    /** The start-up figures: medians in milliseconds and their ratios to {@code java -version}. */
    public record Figures(double javaVersionMs, double statesMs, double bootMs, boolean launcher) {
        public double statesRatio() {
            return statesMs / javaVersionMs;
        }

        public double bootRatio() {
            return bootMs / javaVersionMs;
        }
    }

    /** A probe of this installation (or this class path) with the JDK this JVM runs on. */
    public static StartupProbe forThisJvm() {
        String java = ProcessHandle.current().info().command().orElse("java");
        String home = System.getProperty("hotplugemu.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "hotplug-emu"))) {
            // JAVA_HOME makes the launcher pick this very JDK, so the archive check sees the same one.
            return new StartupProbe(List.of(java), List.of(Path.of(home, "bin", "hotplug-emu").toString()), true);
        }
        return new StartupProbe(List.of(java), List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.hotplugemu.distribution.Main"), false);
    }

    /** Runs each of the three commands {@code runs} times, interleaved, and returns the medians. */
    public Figures measure(int runs) {
        double[] java = new double[runs];
        double[] states = new double[runs];
        double[] boot = new double[runs];
        for (int i = 0; i < runs; i++) {
            java[i] = time(command(javaCommand, "-version"));
            states[i] = time(command(emulatorCommand, "states"));
            boot[i] = time(command(emulatorCommand, "boot", "--cpus", "4"));
        }
        return new Figures(CycleProbe.median(java), CycleProbe.median(states), CycleProbe.median(boot), launcher);
    }

    /**
     * Returns the median wall time in milliseconds of {@code runs} default {@code hotplug-emu explore --json}
     * of the stock 4-CPU x86 machine (its default --jobs: one per processor), each a whole process
     * (issue 15: at most four times {@code boot --cpus 4}, whose figure is a median too).
     */
    public double measureExplore(int runs) {
        double[] explore = new double[runs];
        for (int i = 0; i < runs; i++) {
            explore[i] = time(command(emulatorCommand, "explore", "--json"));
        }
        return CycleProbe.median(explore);
    }

    private static List<String> command(List<String> base, String... arguments) {
        List<String> command = new ArrayList<>(base);
        command.addAll(List.of(arguments));
        return command;
    }

    /** Returns the wall time of one run in milliseconds; a failing command fails the bench. */
    private double time(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (launcher) {
            Path jdk = Path.of(javaCommand.get(0)).getParent().getParent();
            builder.environment().put("JAVA_HOME", jdk.toString());
        }
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            int status = process.waitFor();
            double millis = (System.nanoTime() - start) / 1e6;
            if (status != 0) {
                throw new IllegalStateException("start-up probe " + String.join(" ", command) + " exited " + status);
            }
            return millis;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing " + String.join(" ", command), e);
        }
    }
}
