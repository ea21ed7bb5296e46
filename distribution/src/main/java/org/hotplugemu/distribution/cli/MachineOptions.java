package org.hotplugemu.distribution.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.hotplugemu.distribution.wiring.MachineSettings;
import picocli.CommandLine.Option;

/** The options that describe the emulated machine. */
public final class MachineOptions {
    /** The engines a machine can run on. */
    enum Engine { sim, threads }

    @Option(names = "--arch", paramLabel = "NAME", defaultValue = "x86",
            description = "Architecture backend: x86, arm64 or a plugin's (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Option(names = "--cpus", paramLabel = "N", defaultValue = "4", description = "Possible CPUs, 1 to 8192 (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--smt", paramLabel = "N", defaultValue = "1", description = "SMT threads per core, 1 to 8 (default: ${DEFAULT-VALUE}).")
    int threadsPerCore;

    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "State-table profile: a built-in name or a JSON file (default: the architecture's).")
    String profile;

    @Option(names = "--engine", paramLabel = "sim|threads", defaultValue = "sim",
            description = "sim: deterministic, virtual time; threads: parallel, real time (default: ${DEFAULT-VALUE}).")
    Engine engine;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the sim engine's scheduling choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cmdline", paramLabel = "\"PARAMS\"", defaultValue = "",
            description = "Kernel command line, e.g. \"cpuhp.parallel=0 nosmt maxcpus=2 trace_event=cpuhp:* cpu_init_udelay=10000\".")
    String commandLine;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "At exit, write the trace to FILE: .txt ftrace text, .json Perfetto, .html report, .jsonl JSON lines."
                    + " Enables cpuhp events unless --cmdline has trace_event=.")
    Path trace;

    /**
     * Turns lockdep on ({@code emu.lockdep=1}) unless the command line already says: the checking
     * commands run like a kernel developer's debug kernel, where a Debian kernel has it off.
     */
    void enableLockdepUnlessSet() {
        boolean set = java.util.Arrays.stream(commandLine.strip().split("\\s+")).anyMatch(word -> word.equals("emu.lockdep")
                || word.startsWith("emu.lockdep="));
        if (!set) {
            commandLine = (commandLine.strip() + " emu.lockdep=1").strip();
        }
    }

    /** Returns the settings these options and {@code plugins} describe. */
    public MachineSettings settings(PluginOptions plugins) {
        return new MachineSettings(architecture, cpus, threadsPerCore, Optional.ofNullable(profile), engine.name(), seed,
                commandLine, plugins.searchPath(), Optional.ofNullable(trace));
    }
}
