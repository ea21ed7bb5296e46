package org.hotplugemu.distribution.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The subcommands of {@code hotplug-emu}, in the order the help lists them; {@code bench} and {@code torture} go here too. */
public final class Commands {
    private Commands() {
    }

    public static Map<String, Object> all(Streams streams) {
        Map<String, Object> commands = new LinkedHashMap<>();
        commands.put("boot", new BootCommand(streams));
        commands.put("shell", new ShellCommand(streams));
        commands.put("run", new RunCommand(streams));
        commands.put("states", new StatesCommand(streams));
        commands.put("plugins", new PluginsCommand(streams));
        commands.put("bench", new BenchCommand(streams));
        commands.put("torture", new TortureCommand(streams));
        commands.put("mount", new MountCommand(streams));
        commands.put("nsrun", new NsrunCommand(streams));
        commands.put("serve", new ServeCommand(streams));
        commands.put("explore", new ExploreCommand(streams));
        return commands;
    }
}
