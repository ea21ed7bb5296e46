package org.hotplugemu.distribution.wiring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks before the machine starts that the {@code --trace} file can be written, so that a whole
 * run is not lost to a path noticed only at exit.
 */
final class TraceFileCheck {
    private TraceFileCheck() {
    }

    /** Returns why {@code file} cannot be written, or empty when it can (as far as can be told without writing it). */
    static Optional<String> problem(Path file) {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        String prefix = "cannot write the trace to " + file + " (--trace): ";
        if (Files.isDirectory(absolute)) {
            return Optional.of(prefix + "Is a directory");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.of(prefix + "No such file or directory (create " + directory + " first)");
        }
        if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(directory)) {
            return Optional.of(prefix + "Permission denied");
        }
        return Optional.empty();
    }
}
