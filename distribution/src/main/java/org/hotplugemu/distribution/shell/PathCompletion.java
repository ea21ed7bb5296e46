package org.hotplugemu.distribution.shell;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;

/** Completes a partly typed absolute path against the machine's files; directories end with {@code /}. */
public final class PathCompletion {
    private PathCompletion() {
    }

    /** Returns the full paths that start with {@code prefix}, sorted as the machine lists them. */
    public static List<String> candidates(Machine machine, String prefix) {
        if (!prefix.startsWith("/")) {
            return List.of();
        }
        int slash = prefix.lastIndexOf('/');
        String directory = prefix.substring(0, slash + 1);
        String partial = prefix.substring(slash + 1);
        List<String> entries;
        try {
            entries = machine.list(directory.length() > 1 ? directory.substring(0, directory.length() - 1) : directory);
        } catch (HotplugException e) {
            return List.of();
        }
        List<String> candidates = new ArrayList<>();
        for (String entry : entries) {
            if (entry.startsWith(partial)) {
                candidates.add(directory + entry);
            }
        }
        return candidates;
    }
}
