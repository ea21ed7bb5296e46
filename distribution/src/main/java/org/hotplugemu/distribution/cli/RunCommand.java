package org.hotplugemu.distribution.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.shell.Interpreter;
import org.hotplugemu.distribution.shell.ScriptText;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.distribution.wiring.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code run SCRIPT|-}: checks a script, boots, runs it, and exits with its status. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Boot the machine, then run a shell script from SCRIPT or stdin (-).",
            "Exits with the status of the last command, or of the first failure under set -e; 2 for a bad script."})
final class RunCommand extends MachineCommand {
    @Parameters(index = "0", paramLabel = "SCRIPT|-", description = "The script file, or - for stdin.")
    String script;

    RunCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() {
        String name = name();
        List<String> lines = readScript();
        Interpreter.validate(name, lines);
        EmulatorAssembly assembly = Startup.assemble(machine, plugins, output, streams);
        try (Machine booted = Startup.boot(assembly, machine.cpus, streams)) {
            int status = new Interpreter(booted, streams.out(), streams.err(), output.verbose()).runScript(name, lines);
            return Startup.writeTrace(assembly, booted, status, streams);
        } finally {
            streams.out().flush();
        }
    }

    private String name() {
        return script.equals("-") ? "<stdin>" : script;
    }

    private List<String> readScript() {
        try {
            byte[] bytes = script.equals("-") ? streams.in().readAllBytes() : Files.readAllBytes(Path.of(script));
            return ScriptText.lines(name(), bytes);
        } catch (NoSuchFileException e) {
            throw new StartupException(List.of("cannot read script " + script + ": No such file or directory"));
        } catch (IOException e) {
            throw new StartupException(List.of("cannot read script " + script + ": " + e.getMessage()));
        }
    }
}
