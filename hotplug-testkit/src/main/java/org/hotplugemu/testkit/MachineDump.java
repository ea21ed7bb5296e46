package org.hotplugemu.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a failed test leaves behind: the replay command, dmesg and the trace of its machine, in a
 * file under {@code target/hotplug-testkit/}, and a summary for the error message.
 */
final class MachineDump {
    static final Path ROOT = Path.of("target", "hotplug-testkit");
    private static final int DMESG_TAIL = 15;

    private MachineDump() {
    }

    /** Writes the dump for a test named {@code testId}; returns the summary to attach to the failure. */
    static String write(TestMachine machine, String testId, String reason) {
        List<String> dmesg = safe(machine::dmesg, List.of("(dmesg unavailable)"));
        String trace = safe(machine::trace, "(trace unavailable)");
        String replay = machine.replayCommand();
        StringBuilder file = new StringBuilder();
        file.append("test: ").append(testId).append('\n');
        file.append("failure: ").append(reason).append('\n');
        file.append("replay: ").append(replay).append('\n');
        file.append("\n# dmesg\n");
        dmesg.forEach(line -> file.append(line).append('\n'));
        file.append("\n# trace\n").append(trace);
        Path path = ROOT.resolve(testId.replaceAll("[^A-Za-z0-9_.=,\\[\\]-]", "_") + ".txt");
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the machine dump " + path, e);
        }
        StringBuilder summary = new StringBuilder();
        summary.append("emulated machine: ").append(replay).append('\n');
        summary.append("dump (dmesg, trace): ").append(path.toAbsolutePath()).append('\n');
        summary.append("last dmesg lines:\n");
        dmesg.subList(Math.max(0, dmesg.size() - DMESG_TAIL), dmesg.size()).forEach(line -> summary.append("  ").append(line).append('\n'));
        return summary.toString();
    }

    private static <T> T safe(java.util.function.Supplier<T> read, T fallback) {
        try {
            return read.get();
        }
        catch (RuntimeException e) {
            // A machine whose engine died still deserves a dump of what can be read.
            return fallback;
        }
    }
}
