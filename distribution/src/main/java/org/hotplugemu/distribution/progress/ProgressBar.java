package org.hotplugemu.distribution.progress;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * A one-line progress bar on stderr for long operations such as booting thousands of CPUs. It
 * redraws only when the shown percentage changes, and is silent unless stderr is a terminal.
 */
public final class ProgressBar implements IntConsumer {
    private static final int WIDTH = 40;

    private final PrintStream err;
    private final String label;
    private final int total;
    private int shownPercent = -1;

    public ProgressBar(PrintStream err, String label, int total) {
        this.err = requireNonNull(err, "err is null");
        this.label = requireNonNull(label, "label is null");
        this.total = Math.max(1, total);
    }

    /**
     * Returns a bar when a person watches the terminal (a console, and the launcher saw stderr is a
     * terminal), otherwise a consumer that prints nothing, so piped output stays clean.
     */
    public static IntConsumer forTerminal(PrintStream err, String label, int total) {
        boolean terminal = System.console() != null && Boolean.getBoolean("hotplugemu.stderrTty");
        return terminal ? new ProgressBar(err, label, total) : done -> { };
    }

    /** Clears the bar if {@code progress} is one; call once the operation has finished. */
    public static void finish(IntConsumer progress) {
        if (progress instanceof ProgressBar bar && bar.shownPercent >= 0) {
            bar.err.print("\r" + " ".repeat(WIDTH + bar.label.length() + 24) + "\r");
            bar.err.flush();
        }
    }

    @Override
    public void accept(int done) {
        int percent = (int) (100L * Math.min(done, total) / total);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + percent + "%");
        err.flush();
    }
}
