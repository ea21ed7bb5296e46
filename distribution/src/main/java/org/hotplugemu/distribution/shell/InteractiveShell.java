package org.hotplugemu.distribution.shell;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.hotplugemu.core.machine.Machine;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The interactive shell: JLine line editing, history in {@code ~/.hotplug-emu_history}, tab completion of commands and paths. */
public final class InteractiveShell {
    private final Machine machine;
    private final Interpreter interpreter;

    public InteractiveShell(Machine machine, Interpreter interpreter) {
        this.machine = requireNonNull(machine, "machine is null");
        this.interpreter = requireNonNull(interpreter, "interpreter is null");
    }

    /** Reads and runs lines until end of input or {@code exit}; returns the last status. */
    public int run() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .appName("hotplug-emu")
                    .terminal(terminal)
                    .completer(completer())
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".hotplug-emu_history"))
                    .build();
            String prompt = machine.architecture() + "# ";
            while (!interpreter.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                interpreter.execute(line);
            }
            return interpreter.lastStatus();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    private Completer completer() {
        return (reader, line, candidates) -> {
            if (line.wordIndex() == 0) {
                Interpreter.commandNames().forEach(name -> candidates.add(new Candidate(name)));
                return;
            }
            List<String> paths = PathCompletion.candidates(machine, line.word().substring(0, line.wordCursor()));
            for (String path : paths) {
                boolean directory = path.endsWith("/");
                candidates.add(new Candidate(path, path, null, null, null, null, !directory));
            }
        };
    }
}
