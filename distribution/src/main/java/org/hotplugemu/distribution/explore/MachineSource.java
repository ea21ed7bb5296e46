package org.hotplugemu.distribution.explore;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;

/**
 * Fresh machines for a campaign: the user's machine options, with a CPU count, seed and extra kernel
 * parameters per scenario, and a new instance of every driver each time, since a driver object
 * belongs to one machine. It also says how to replay a machine from the command line.
 *
 * <p>Safe for several threads at once: a campaign's workers each boot their own machines.
 */
public final class MachineSource {
    private final Supplier<MachineBuilder> builders;
    private final Supplier<List<HotplugDriver>> drivers;
    private final String commandLine;
    private final String replayOptions;
    private final int cpus;

    /**
     * @param builders builders with the user's architecture, profile, SMT and engine set
     * @param drivers makes a new instance of each driver on every call
     * @param commandLine the user's kernel command line
     * @param cpus the user's CPU count
     * @param replayOptions the command-line options besides --cpus, --seed and --cmdline that rebuild
     *     this machine, e.g. {@code --arch x86}
     */
    public MachineSource(Supplier<MachineBuilder> builders, Supplier<List<HotplugDriver>> drivers, String commandLine, int cpus,
            String replayOptions) {
        this.builders = requireNonNull(builders, "builders is null");
        this.drivers = requireNonNull(drivers, "drivers is null");
        this.commandLine = requireNonNull(commandLine, "commandLine is null").strip();
        this.cpus = cpus;
        this.replayOptions = requireNonNull(replayOptions, "replayOptions is null").strip();
    }

    public int cpus() {
        return cpus;
    }

    public String commandLine() {
        return commandLine;
    }

    /** Builds and boots a machine with {@code cpus} CPUs, engine seed {@code seed} and {@code extra} parameters. */
    public Machine boot(int cpus, long seed, String extra) {
        return boot(cpus, seed, extra, UnaryOperator.identity());
    }

    /** Like {@link #boot(int, long, String)}, with {@code replace} choosing each driver (by its fresh instance). */
    public Machine boot(int cpus, long seed, String extra, UnaryOperator<HotplugDriver> replace) {
        List<HotplugDriver> chosen = new ArrayList<>();
        for (HotplugDriver driver : freshDrivers()) {
            chosen.add(replace.apply(driver));
        }
        MachineBuilder builder = builders.get().cpus(cpus).seed(seed).commandLine(commandLine(extra)).drivers(chosen);
        Machine machine = builder.build();
        try {
            machine.boot();
        } catch (RuntimeException e) {
            machine.close();
            throw e;
        }
        return machine;
    }

    /** Returns a new instance of the driver called {@code name}. */
    public HotplugDriver freshDriver(String name) {
        return freshDrivers().stream().filter(driver -> driver.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no driver " + name));
    }

    /** Returns the names of the drivers, in registration order. */
    public List<String> driverNames() {
        return freshDrivers().stream().map(HotplugDriver::name).toList();
    }

    private List<HotplugDriver> freshDrivers() {
        return drivers.get().stream().sorted(HotplugDriver.REGISTRATION_ORDER).toList();
    }

    /** The kernel command line a scenario with {@code extra} parameters runs with. */
    public String commandLine(String extra) {
        return (commandLine + " " + extra).strip();
    }

    /** The {@code hotplug-emu run} command line that replays {@code script} on such a machine. */
    public String replayCommand(int cpus, long seed, String extra, String script) {
        return command("run", cpus, seed, extra) + " " + script;
    }

    /** The {@code hotplug-emu COMMAND} line with this machine's options. */
    public String command(String command, int cpus, long seed, String extra) {
        String line = commandLine(extra);
        return "hotplug-emu " + command + " " + (replayOptions.isEmpty() ? "" : replayOptions + " ") + "--cpus " + cpus + " --seed " + seed
                + (line.isEmpty() ? "" : " --cmdline \"" + line + "\"");
    }
}
