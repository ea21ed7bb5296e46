package org.hotplugemu.distribution.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands of {@code hotplug-emu}, in the order the help lists them; {@code bench} and
 * {@code torture} go here too. A command object is made only for the command run: picocli reflects
 * over each command it is given, options, mixins and all, which for all of them cost more than a
 * short command's own work. The help's list needs only each one's name and description.
 */
public final class Commands {
    private record Entry(Class<?> type, Function<Streams, Object> create) {
    }

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();

    static {
        ALL.put("boot", new Entry(BootCommand.class, BootCommand::new));
        ALL.put("shell", new Entry(ShellCommand.class, ShellCommand::new));
        ALL.put("run", new Entry(RunCommand.class, RunCommand::new));
        ALL.put("states", new Entry(StatesCommand.class, StatesCommand::new));
        ALL.put("plugins", new Entry(PluginsCommand.class, PluginsCommand::new));
        ALL.put("bench", new Entry(BenchCommand.class, BenchCommand::new));
        ALL.put("torture", new Entry(TortureCommand.class, TortureCommand::new));
        ALL.put("mount", new Entry(MountCommand.class, MountCommand::new));
        ALL.put("nsrun", new Entry(NsrunCommand.class, NsrunCommand::new));
        ALL.put("serve", new Entry(ServeCommand.class, ServeCommand::new));
        ALL.put("explore", new Entry(ExploreCommand.class, ExploreCommand::new));
    }

    private Commands() {
    }

    /** Returns the command names, in help order. */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(ALL.keySet());
    }

    /** Returns the command {@code name}, printing to {@code streams}, or empty when there is no such command. */
    public static Optional<Object> create(String name, Streams streams) {
        Entry entry = ALL.get(name);
        return entry == null ? Optional.empty() : Optional.of(entry.create().apply(streams));
    }

    /**
     * Returns what the top-level help shows of command {@code name}: its name and description, read
     * from its {@link Command} annotation, without the reflection over its options.
     */
    public static CommandSpec summary(String name) {
        Entry entry = ALL.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no command named " + name);
        }
        Command command = entry.type().getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage().description(command.description()).hidden(command.hidden());
        return spec;
    }
}
