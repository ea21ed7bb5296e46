package org.hotplugemu.distribution;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotplugemu.distribution.cli.Streams;

/**
 * The workload the class-data archive is made from when the distribution is packaged: the
 * commands people start most, in one JVM, so that the archive holds what each of them loads
 * ({@code states} and {@code plugins} load little that {@code run} does, picocli's models differ).
 * Started by the launcher as {@code hotplug-emu --class-data-training SCRIPT}; not a user command.
 */
final class ClassDataTraining {
    static final String OPTION = "--class-data-training";

    private ClassDataTraining() {
    }

    /** Runs the workload with {@code script} as the shell script; returns 0, or the status of the first command that failed. */
    static int run(String script, PrintStream err) {
        List<List<String>> commands = List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("states"),
                List.of("states", "--arch", "arm64", "--json"),
                List.of("plugins"),
                List.of("boot", "--cpus", "4"),
                List.of("boot", "--arch", "arm64", "--cpus", "4", "--json"),
                List.of("run", "--cpus", "4", script),
                // A small sweep: explore runs far more code than a boot, all of it cold without the archive's profiles.
                List.of("explore", "--cpus", "3", "--seeds", "2", "--ops", "10"));
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        for (List<String> command : commands) {
            int status = Main.run(new Streams(new ByteArrayInputStream(new byte[0]), discard, err), command.toArray(String[]::new));
            if (status != 0) {
                err.println("hotplug-emu: class-data training: '" + String.join(" ", command) + "' exited " + status);
                return status;
            }
        }
        return 0;
    }
}
