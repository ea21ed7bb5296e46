package org.hotplugemu.distribution.shell;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;

/**
 * The one interpreter behind {@code shell} and {@code run}: runs command lines against a machine,
 * keeps {@code $?} and {@code set -e}, and prints errors the way a shell does, followed by the
 * emulator's reason (the exception's message, a hang or deadlock report in full) and, when
 * verbose, the Java stack.
 */
public final class Interpreter {
    private static final Set<Errno> OPEN_ERRORS = Set.of(Errno.ENOENT, Errno.EACCES, Errno.EISDIR, Errno.ENOTDIR);
    private static final Map<String, String> CONTROL_USAGE = Map.of(
            "set", "set -e|+e              stop at the first failing command (+e: go on)",
            "exit", "exit [STATUS]          stop, with STATUS or the last command's status",
            "help", "help                   list the commands");
    private static final Map<String, Builtin> FILE_COMMANDS = Builtins.fileCommands();

    private final Machine machine;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;
    private int lastStatus;
    private boolean errexit;
    private boolean exitRequested;

    public Interpreter(Machine machine, PrintStream out, PrintStream err) {
        this(machine, out, err, false);
    }

    /** With {@code verbose}, a failed read or write also prints the Java stack of its reason. */
    public Interpreter(Machine machine, PrintStream out, PrintStream err, boolean verbose) {
        this.machine = requireNonNull(machine, "machine is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.verbose = verbose;
    }

    /** Returns every command name, sorted, for {@code help} and tab completion. */
    public static List<String> commandNames() {
        List<String> names = new ArrayList<>(FILE_COMMANDS.keySet());
        names.addAll(CONTROL_USAGE.keySet());
        names.sort(null);
        return names;
    }

    /** Returns {@code $?}. */
    public int lastStatus() {
        return lastStatus;
    }

    /** Returns whether {@code exit} ran, or a command failed under {@code set -e}. */
    public boolean exitRequested() {
        return exitRequested;
    }

    /**
     * Checks a whole script before anything runs.
     *
     * @throws ScriptSyntaxException for the first bad line, prefixed {@code name:line: }
     */
    public static void validate(String name, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            try {
                ScriptLexer.parse(lines.get(i), 0).ifPresent(Interpreter::validate);
            } catch (ScriptSyntaxException e) {
                throw new ScriptSyntaxException(name + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
    }

    /**
     * Validates and runs a script; returns the status of its last command, or of the first failure
     * under {@code set -e}, or the status {@code exit} gave.
     *
     * @throws ScriptSyntaxException when a line is wrong; nothing has run then
     */
    public int runScript(String name, List<String> lines) {
        validate(name, lines);
        for (String line : lines) {
            execute(line);
            if (exitRequested) {
                break;
            }
        }
        return lastStatus;
    }

    /** Runs one line as typed in the shell; a bad line prints its error and sets {@code $?} to 2. */
    public int execute(String line) {
        Optional<ParsedLine> parsed;
        try {
            parsed = ScriptLexer.parse(line, lastStatus);
            parsed.ifPresent(Interpreter::validate);
        } catch (ScriptSyntaxException e) {
            err.println("hotplug-emu: " + e.getMessage());
            return finish(2);
        }
        return parsed.map(command -> finish(run(command))).orElse(lastStatus);
    }

    private static void validate(ParsedLine line) {
        switch (line.command()) {
            case "set" -> {
                for (String option : line.arguments()) {
                    if (!option.equals("-e") && !option.equals("+e")) {
                        throw new ScriptSyntaxException("set: " + option + ": invalid option (only -e and +e are supported)");
                    }
                }
            }
            case "exit" -> {
                if (line.arguments().size() > 1 || (line.arguments().size() == 1 && !line.arguments().get(0).matches("\\d{1,3}"))) {
                    throw new ScriptSyntaxException("exit: takes one number from 0 to 255");
                }
            }
            case "help" -> { }
            default -> {
                Builtin builtin = FILE_COMMANDS.get(line.command());
                if (builtin == null) {
                    throw new ScriptSyntaxException(line.command() + ": command not found (try help)");
                }
                builtin.validate(line.arguments());
            }
        }
    }

    private int run(ParsedLine line) {
        switch (line.command()) {
            case "set" -> {
                line.arguments().forEach(option -> errexit = option.equals("-e"));
                return 0;
            }
            case "exit" -> {
                exitRequested = true;
                return line.arguments().isEmpty() ? lastStatus : Integer.parseInt(line.arguments().get(0)) & 0xff;
            }
            case "help" -> {
                StringBuilder help = new StringBuilder();
                FILE_COMMANDS.values().forEach(builtin -> help.append(builtin.usage()).append('\n'));
                CONTROL_USAGE.keySet().stream().sorted().forEach(name -> help.append(CONTROL_USAGE.get(name)).append('\n'));
                help.append("$? is the last status; # starts a comment; COMMAND > PATH writes a file\n");
                return emit(line, help);
            }
            default -> {
                StringBuilder output = new StringBuilder();
                int status = FILE_COMMANDS.get(line.command()).run(line.arguments(), new CommandIo(machine, output, err, verbose));
                int written = emit(line, output);
                return status != 0 ? status : written;
            }
        }
    }

    /** Prints a command's output, or writes it to the redirection target in one write, as echo does. */
    private int emit(ParsedLine line, StringBuilder output) {
        if (line.redirect().isEmpty()) {
            out.print(output);
            out.flush();
            return 0;
        }
        String path = line.redirect().get();
        try {
            if (output.isEmpty()) {
                // Nothing is written, so the kernel's store handler never runs; only the open can fail.
                if (!machine.exists(path)) {
                    // The open has O_CREAT: sysfs refuses a new file in an existing directory.
                    int slash = path.lastIndexOf('/');
                    boolean inDirectory = slash > 0 && machine.isDirectory(path.substring(0, slash));
                    throw new HotplugException(inDirectory ? Errno.EACCES : Errno.ENOENT, path + " does not exist");
                }
            } else {
                machine.write(path, output.toString());
            }
            return 0;
        } catch (HotplugException e) {
            if (OPEN_ERRORS.contains(e.errno())) {
                // Busybox ash's wording for a redirection it cannot open.
                boolean noDirectory = e.errno() == Errno.ENOENT || e.errno() == Errno.ENOTDIR;
                err.println("hotplug-emu: can't create " + path + ": " + (noDirectory ? "nonexistent directory" : e.errno().text()));
            } else {
                err.println(line.command() + ": write error: " + e.errno().text());
                Reasons.print(e, err, verbose);
            }
            return 1;
        }
    }

    private int finish(int status) {
        lastStatus = status;
        if (status != 0 && errexit) {
            exitRequested = true;
        }
        return status;
    }
}
