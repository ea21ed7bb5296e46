package org.hotplugemu.distribution;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.engine.OutOfHeap;
import org.hotplugemu.distribution.cli.Commands;
import org.hotplugemu.distribution.cli.Streams;
import org.hotplugemu.distribution.cli.Verbosity;
import org.hotplugemu.distribution.shell.ScriptSyntaxException;
import org.hotplugemu.distribution.wiring.StartupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code hotplug-emu} command. Exit status: 0 success; 1 a command failed (a script's failing
 * command, a kernel error while booting); 2 bad options, a bad script or a startup problem.
 */
@Command(name = "hotplug-emu", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An emulator of the Linux CPU hotplug state machine.",
        footer = {"", "Run 'hotplug-emu COMMAND --help' for a command's options."})
public final class Main implements Runnable {
    /** Exit status for bad options, bad scripts and startup problems. */
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        Carriers.configure(java.util.List.of(args));
        if (args.length == 2 && args[0].equals(ClassDataTraining.OPTION)) {
            System.exit(ClassDataTraining.run(args[1], System.err));
        }
        // Built now: when the heap runs out there may be no room left to build it, nor to encode it.
        byte[] outOfHeap = ("hotplug-emu: " + OutOfHeap.message() + "\n").getBytes(StandardCharsets.UTF_8);
        FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
        int status;
        try {
            status = run(Streams.system(), args);
        } catch (OutOfMemoryError exhausted) {
            // Whatever ran out of heap, say how to give it more instead of a stack trace, and end at once:
            // parked emulated threads may still hold the heap, so exiting normally could stall.
            try {
                stderr.write(outOfHeap);
            } catch (IOException | OutOfMemoryError ignored) {
                // nothing more can be said
            }
            Runtime.getRuntime().halt(1);
            return;
        }
        if (OutOfHeap.happened()) {
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(status);
        }
        System.exit(status);
    }

    /** Runs the command line and returns the exit status. */
    public static int run(Streams streams, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        // picocli reflects over every command it is given, mixins and all; a run needs only the one it
        // names, and --help, --version, a missing or an unknown command only their names and descriptions.
        Optional<Object> named = args.length > 0 ? Commands.create(args[0], streams) : Optional.empty();
        if (named.isPresent()) {
            commandLine.addSubcommand(args[0], named.get());
        } else {
            Commands.names().forEach(name -> commandLine.addSubcommand(name, Commands.summary(name)));
        }
        commandLine.setOut(new java.io.PrintWriter(streams.out(), true));
        commandLine.setErr(new java.io.PrintWriter(streams.err(), true));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            streams.err().println("hotplug-emu: " + e.getMessage() + " (see " + command + " --help)");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> report(e, command, streams.err()));
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError exhausted) {
            // Reported by main() once these frames, and the machine they hold, are gone: here there may
            // be no heap left even for the message.
            throw exhausted;
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; an Error (a broken plugin class) lands here.
            return reportError(e, java.util.Arrays.asList(args).contains("--verbose"), streams.err());
        }
    }

    private static int reportError(Error e, boolean verbose, PrintStream err) {
        String hint = verbose ? "" : " (run with --verbose for the stack trace)";
        err.println("hotplug-emu: internal error: " + e + hint);
        if (verbose) {
            e.printStackTrace(err);
        }
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }

    private static int report(Exception e, CommandLine command, PrintStream err) {
        boolean verbose = command.getCommand() instanceof Verbosity v && v.verbose();
        int status;
        if (e instanceof StartupException || e instanceof ScriptSyntaxException) {
            err.println("hotplug-emu: " + e.getMessage());
            status = USAGE;
        } else if (e instanceof HotplugException hotplug) {
            err.println("hotplug-emu: " + hotplug.getMessage() + " (" + hotplug.errno() + ": " + hotplug.errno().text() + ")");
            status = 1;
        } else {
            err.println("hotplug-emu: internal error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
            status = 1;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        return status;
    }

    /**
     * Prints the version of the distribution: its module's version on the module path (where a
     * package has no manifest attributes unless it comes from the class-data archive), else the jar
     * manifest's.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            java.lang.module.ModuleDescriptor module = Main.class.getModule().getDescriptor();
            String version = module != null && module.rawVersion().isPresent()
                    ? module.rawVersion().get() : Main.class.getPackage().getImplementationVersion();
            return new String[] {"hotplug-emu " + (version == null ? "(development build)" : version)};
        }
    }
}
