package org.hotplugemu.distribution.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.torture.Torture;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code torture}: random offline/online under load, checked after every operation. */
@Command(name = "torture", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Boot, then offline and online random CPUs under work, timer, RCU and tasklet load (kernel/torture.c torture_onoff),",
            "checking every driver's per-CPU resources after each operation and that no work item is lost or run twice.",
            "With --cmdline cpuhp.state_control=1 it also writes random hotplug/target states. Exits 1 when anything broke.",
            "Lock checking is on (emu.lockdep=1) unless --cmdline sets emu.lockdep: a lockdep report fails the run."})
final class TortureCommand extends MachineCommand {
    @Option(names = "--hotplug", description = "Also hot-remove and hot-add CPUs (ACPI eject request and device check) now and then.")
    boolean hotplug;

    @Option(names = "--ops", paramLabel = "N", defaultValue = "1000", description = "Operations to run (default: ${DEFAULT-VALUE}).")
    int operations;

    TortureCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() {
        if (operations < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--ops must be at least 1, not " + operations);
        }
        machine.enableLockdepUnlessSet();
        EmulatorAssembly assembly = Startup.assemble(machine, plugins, output, streams);
        try (Machine booted = Startup.boot(assembly, machine.cpus, streams)) {
            Torture.Result result = new Torture(booted, machine.seed, stateControl(), hotplug).run(operations, done -> { });
            assembly.traceOutput().writeFrom(booted);
            print(result);
            return result.passed() ? 0 : 1;
        }
        finally {
            streams.out().flush();
        }
    }

    private boolean stateControl() {
        return org.hotplugemu.arch.spi.KernelCommandLine.parse(machine.commandLine).getBoolean("cpuhp.state_control", false);
    }

    private void print(Torture.Result result) {
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("seed", result.seed());
            json.put("attempts", result.attempts());
            json.put("successes", result.successes());
            json.put("ledgers", result.ledgers());
            json.put("problems", result.problems());
            streams.out().println(Json.write(json));
            return;
        }
        streams.out().printf("torture: seed %d: %d attempts, %d successes%n", result.seed(), result.attempts(), result.successes());
        result.ledgers().forEach((ledger, counters) -> streams.out().printf("  %-10s %s%n", ledger, counters));
        if (result.passed()) {
            streams.out().println("torture: PASSED: nothing lost, nothing run twice, every driver's resources symmetric");
        }
        else {
            streams.out().println("torture: FAILED:");
            result.problems().forEach(problem -> streams.out().println("  " + problem));
        }
    }
}
