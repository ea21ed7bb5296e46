package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine options as given on the command line, before anything is looked up.
 *
 * @param profile a profile name or JSON file; empty for the architecture's default
 * @param pluginDirectories where plugin jars are searched, in order
 * @param trace where the trace goes at exit; empty for no trace file
 */
public record MachineSettings(String architecture, int cpus, int threadsPerCore, Optional<String> profile, String engine,
        long seed, String commandLine, List<Path> pluginDirectories, Optional<Path> trace) {
    public MachineSettings {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(profile, "profile is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(commandLine, "commandLine is null");
        pluginDirectories = List.copyOf(pluginDirectories);
        requireNonNull(trace, "trace is null");
    }

    /** Returns the command line the kernel boots with: a trace file enables cpuhp events unless the user chose events. */
    public String effectiveCommandLine() {
        if (trace.isEmpty() || commandLine.matches("(^|.*\\s)trace_event=.*")) {
            return commandLine;
        }
        return (commandLine.isBlank() ? "" : commandLine.strip() + " ") + "trace_event=cpuhp:*";
    }
}
