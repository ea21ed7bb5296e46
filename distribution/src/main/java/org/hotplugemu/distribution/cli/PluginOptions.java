package org.hotplugemu.distribution.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --plugins DIR}: where plugin jars are searched besides the installation's {@code plugins/}. */
public final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Also load the plugin jars of DIR (repeatable); <install>/plugins is always searched.")
    List<Path> directories = new ArrayList<>();

    /** Returns {@code <hotplugemu.home>/plugins} (set by the launcher) and then the directories given. */
    public List<Path> searchPath() {
        List<Path> path = new ArrayList<>();
        String home = System.getProperty("hotplugemu.home");
        if (home != null && !home.isBlank()) {
            path.add(Path.of(home, "plugins"));
        }
        path.addAll(directories);
        return path;
    }
}
