package org.hotplugemu.distribution;

import java.util.List;
import org.hotplugemu.distribution.explore.Campaign;

/**
 * Chooses how many carrier threads run the JVM's virtual threads, before the first one exists.
 *
 * <p>The {@code sim} engine runs one emulated thread at a time; with the default carrier per core,
 * every handoff wakes an idle carrier that finds nothing to do and spins before parking, and the
 * next thread resumes on another core: a one-CPU offline/online cycle costs about 2.5 times more
 * than with one carrier. {@code explore} runs {@code --jobs} machines at once (default: two per
 * processor), each running one emulated thread at a time: one carrier per job. The {@code threads}
 * engine wants real parallelism, so it keeps the default. A value the user set
 * ({@code -Djdk.virtualThreadScheduler.parallelism}) is kept.
 */
final class Carriers {
    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    private Carriers() {
    }

    static void configure(List<String> args) {
        int parallelism = parallelism(args);
        if (System.getProperty(PARALLELISM) == null && parallelism > 0) {
            System.setProperty(PARALLELISM, String.valueOf(parallelism));
        }
    }

    /** The carriers the command line {@code args} wants: one for sim, one per job for explore; 0 for the JDK's default. */
    static int parallelism(List<String> args) {
        if (usesThreadsEngine(args)) {
            return 0;
        }
        return command(args).equals("explore") ? jobs(args) : 1;
    }

    static boolean usesThreadsEngine(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--threads-only") || arg.equals("--engine=threads") || (arg.equals("--engine") && i + 1 < args.size() && args.get(i + 1).equals("threads"))) {
                return true;
            }
        }
        return false;
    }

    /** The subcommand: the first argument that is no option. */
    private static String command(List<String> args) {
        return args.stream().filter(arg -> !arg.startsWith("-")).findFirst().orElse("");
    }

    /** explore's {@code --jobs N} (or {@code --jobs=N}), else {@link Campaign#defaultJobs()}; picocli rejects a bad value later. */
    private static int jobs(List<String> args) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--jobs=")) {
                value = arg.substring("--jobs=".length());
            } else if (arg.equals("--jobs") && i + 1 < args.size()) {
                value = args.get(i + 1);
            }
        }
        try {
            int jobs = value == null ? Campaign.defaultJobs() : Integer.parseInt(value.strip());
            return Math.max(1, jobs);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
