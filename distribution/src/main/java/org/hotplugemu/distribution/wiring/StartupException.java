package org.hotplugemu.distribution.wiring;

import java.util.List;

/** Everything that keeps the emulator from starting, reported together as one numbered list. */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public StartupException(List<String> problems) {
        this(problems, null);
    }

    /** With the exception behind the problems, whose stack {@code --verbose} shows. */
    public StartupException(List<String> problems, Throwable cause) {
        super(format(problems), cause);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** One problem is one line; several are a count and a numbered list. */
    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems keep the emulator from starting:");
        for (int i = 0; i < problems.size(); i++) {
            text.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return text.toString();
    }
}
