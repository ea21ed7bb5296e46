package org.hotplugemu.distribution.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the {@code threads} engine in a JVM of its own. The launcher gives a {@code sim} run a
 * single virtual-thread carrier, which would serialise the {@code threads} engine; a child JVM
 * started with the default carriers measures it as users of {@code --engine threads} run it.
 */
public final class ThreadsChild {
    private static final Pattern FIGURES = Pattern.compile("threads_handoff_ns=([0-9.]+) threads_cycle_us=([0-9.]+)");

    private ThreadsChild() {
    }

    /** Returns the line the child prints, which {@link #parse} reads back. */
    public static String format(BenchSuite.ThreadsFigures figures) {
        return String.format(java.util.Locale.ROOT, "threads_handoff_ns=%.3f threads_cycle_us=%.3f", figures.handoffNs(), figures.cycleUs());
    }

    /** Runs {@code hotplug-emu bench --threads-only [--quick]} in a new JVM and returns its figures. */
    public static BenchSuite.ThreadsFigures measure(boolean quick) {
        List<String> command = new ArrayList<>();
        String home = System.getProperty("hotplugemu.home");
        Path launcher = home == null ? null : Path.of(home, "bin", "hotplug-emu");
        if (launcher != null && Files.isExecutable(launcher)) {
            // The installation runs on the module path: its launcher knows how to start it.
            command.add(launcher.toString());
        } else {
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("org.hotplugemu.distribution.Main");
        }
        command.add("bench");
        command.add("--threads-only");
        if (quick) {
            command.add("--quick");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            // JAVA_HOME makes the launcher pick this very JDK.
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            Matcher matcher = FIGURES.matcher(output);
            if (status != 0 || !matcher.find()) {
                throw new IllegalStateException("the threads-engine bench JVM failed (exit " + status + "): " + output.strip());
            }
            return new BenchSuite.ThreadsFigures(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)));
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot start the threads-engine bench JVM: " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the threads-engine bench JVM ran", e);
        }
    }
}
