package org.hotplugemu.distribution.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void redrawsOnlyWhenThePercentageChanges() {
        ProgressBar bar = new ProgressBar(stream, "booting", 1000);
        for (int cpus = 1; cpus <= 1000; cpus++) {
            bar.accept(cpus);
        }

        String drawn = err.toString(StandardCharsets.UTF_8);
        assertThat(drawn.chars().filter(c -> c == '\r').count()).isEqualTo(101); // 0% to 100%
        assertThat(drawn).endsWith("\rbooting [" + "#".repeat(40) + "] 1000/1000 100%");
    }

    @Test
    void finishClearsTheLine() {
        ProgressBar bar = new ProgressBar(stream, "booting", 10);
        bar.accept(5);
        ProgressBar.finish(bar);

        assertThat(err.toString(StandardCharsets.UTF_8)).endsWith(" \r");
    }

    @Test
    void nothingIsDrawnWhenStderrIsNotATerminal() {
        // Tests run piped: no console, and the launcher's stderr flag is absent.
        ProgressBar.forTerminal(stream, "booting", 10).accept(5);

        assertThat(err.size()).isZero();
    }
}
