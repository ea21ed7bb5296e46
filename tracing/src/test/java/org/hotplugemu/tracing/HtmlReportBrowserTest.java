package org.hotplugemu.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real headless Chromium, on a synthetic trace shaped like a failed offline:
 * a control task's "kick" (down) on CPU 0 drives an AP task's steps down on CPU 1, one fails, the
 * AP walks back up (the rollback) and the kick ends with the error; a second kick then succeeds.
 */
class HtmlReportBrowserTest {
    private final TestingTaskContext task = new TestingTaskContext();
    private final Tracing tracing = new Tracing(task, 2);
    private final TestingSpanRules rules = new TestingSpanRules(tracing.tracer());
    private static TestingChromium chromium;

    // Chromium may still be writing its profile when the test ends: leave the directory to the OS.
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
    static Path profile;
    // Chromium may still be writing its profile when the test ends: leave the directory to the OS.
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
    Path dir;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = TestingChromium.launch(profile);
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void recordFailedKickWithRollback() throws Exception {
        tracing.addRules(rules);
        tracing.enableFromCommandLine("job:*");
        task.as("ctl", 7, 0).atMicros(100);
        rules.start.emit(1, "kick", 0);
        int t = 110;
        for (String step : List.of("deactivate", "offline")) {
            task.as("ap", 8, 1).atMicros(t);
            rules.start.emit(1, step, 0);
            task.atMicros(t + 10);
            rules.done.emit(1, 5, 0);
            t += 20;
        }
        for (String step : List.of("online", "activate")) { // the rollback
            task.as("ap", 8, 1).atMicros(t);
            rules.start.emit(1, step, 1);
            task.atMicros(t + 10);
            rules.done.emit(1, 7, 0);
            t += 20;
        }
        task.as("ctl", 7, 0).atMicros(t);
        rules.done.emit(1, 7, -11);
        tracing.marker("retry");
        task.atMicros(t + 50);
        rules.start.emit(1, "kick", 0);
        task.as("ap", 8, 1).atMicros(t + 60);
        rules.start.emit(1, "deactivate", 0);
        task.atMicros(t + 70);
        rules.done.emit(1, 4, 0);
        task.as("ctl", 7, 0).atMicros(t + 80);
        rules.done.emit(1, 3, 0);
    }

    private Path report() throws Exception {
        Path file = dir.resolve("trace.html");
        tracing.writeTo(file);
        chromium.open(file);
        return file;
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    private String text(String selector) throws Exception {
        return chromium.text(selector);
    }

    @Test
    void drawsLanesPerTaskGroupedByCpuAndASpanPerStep() throws Exception {
        Path file = report();
        chromium.screenshot(Path.of("target", "report-screenshots", "synthetic-overview.png"));

        assertThat(chromium.pageErrors()).isEmpty();
        assertThat(chromium.requestedUrls()).containsExactly(file.toUri().toString());
        assertThat(chromium.eval("Array.from(document.querySelectorAll('#lanes .group-label, #lanes .track-label, #lanes .lane-label'))"
                + ".map(t => t.textContent).join('|')"))
                .isEqualTo("CPU 0|ctl-7|CPU 1|CPU 1 state|ap-8");
        assertThat(chromium.eval("document.querySelectorAll('#lanes rect.span').length")).isEqualTo(7);
        assertThat(chromium.eval("document.querySelectorAll('#lanes rect.span.failure').length")).isEqualTo(1);
        assertThat(chromium.eval("document.querySelectorAll('#lanes rect.span.rollback').length")).isEqualTo(2);
        assertThat(chromium.eval("document.querySelectorAll('#lanes line.instant').length")).isEqualTo(1);
    }

    @Test
    void clickingTheFailureHighlightsAndZoomsToItsRollback() throws Exception {
        report();
        double fullWidth = num(chromium.eval("+document.getElementById('timeline').dataset.viewEnd - timeline.dataset.viewStart"));
        double[] failure = chromium.centre("#lanes rect.span.failure");

        chromium.click(failure[0], failure[1]);

        chromium.screenshot(Path.of("target", "report-screenshots", "synthetic-failure-selected.png"));
        assertThat(chromium.eval("Array.from(document.querySelectorAll('#lanes rect.span.linked'))"
                + ".map(r => r.getAttribute('data-id')).join(',')")).isEqualTo("0,3,4");
        assertThat(text("#details")).contains("kick \u2014 failed", "direction", "down", "ret -11",
                "2 steps, online \u2026 activate on ap-8", "show rollback");
        assertThat(text("table.failures tr.selected")).contains("kick", "ret -11", "2 spans (online \u2026 activate, ap-8)");
        assertThat(chromium.eval("document.querySelectorAll('#lanes path.link').length")).isEqualTo(1);
        double zoomed = num(chromium.eval("+document.getElementById('timeline').dataset.viewEnd - timeline.dataset.viewStart"));
        assertThat(zoomed).isLessThan(fullWidth);
        assertThat(chromium.pageErrors()).isEmpty();
    }

    @Test
    void hoveringARollbackStepShowsItsDetailsAndItsCause() throws Exception {
        report();
        double[] rollback = chromium.centre("#lanes rect.span.rollback");

        chromium.hover(rollback[0], rollback[1]);

        assertThat(chromium.eval("document.getElementById('tooltip').hidden")).isEqualTo(false);
        assertThat(text("#tooltip")).contains("online \u2014 rollback", "up", "10.000 \u00b5s", "ap-8",
                "caused by", "kick (ret -11)", "start: cpu=1 online forward=1");
        chromium.screenshot(Path.of("target", "report-screenshots", "synthetic-hover.png"));
    }

    @Test
    void wheelZoomsAroundThePointerAndResetRestores() throws Exception {
        report();
        double start = num(chromium.eval("+document.getElementById('timeline').dataset.viewStart"));
        double end = num(chromium.eval("+document.getElementById('timeline').dataset.viewEnd"));
        double[] plot = chromium.centre("#lanes");

        chromium.wheel(plot[0] + 100, plot[1], -500);

        double zoomedStart = num(chromium.eval("+document.getElementById('timeline').dataset.viewStart"));
        double zoomedEnd = num(chromium.eval("+document.getElementById('timeline').dataset.viewEnd"));
        assertThat(zoomedEnd - zoomedStart).isLessThan((end - start) / 2);
        assertThat(zoomedStart).isGreaterThan(start);
        chromium.eval("document.getElementById('reset').click()");
        assertThat(num(chromium.eval("+document.getElementById('timeline').dataset.viewStart"))).isEqualTo(start);
        assertThat(num(chromium.eval("+document.getElementById('timeline').dataset.viewEnd"))).isEqualTo(end);
    }

    @Test
    void draggingPansAndAClickOnEmptySpaceClearsTheSelection() throws Exception {
        report();
        double[] failure = chromium.centre("#lanes rect.span.failure");
        chromium.click(failure[0], failure[1]);
        assertThat(chromium.eval("document.getElementById('timeline').dataset.selected")).isEqualTo("0");
        chromium.eval("document.getElementById('zoom-in').click()");
        double start = num(chromium.eval("+document.getElementById('timeline').dataset.viewStart"));
        double end = num(chromium.eval("+document.getElementById('timeline').dataset.viewEnd"));
        double[] lane = chromium.centre("#lanes .lane-label[data-lane='1']");

        chromium.drag(lane[0] + 700, lane[0] + 400, lane[1]);

        double shift = num(chromium.eval("+document.getElementById('timeline').dataset.viewStart")) - start;
        assertThat(shift).isPositive();
        assertThat(num(chromium.eval("+document.getElementById('timeline').dataset.viewEnd")) - end).isEqualTo(shift);
        assertThat(chromium.eval("document.getElementById('timeline').dataset.selected")).isEqualTo("0");
        double[] empty = chromium.centre("#lanes .group-label");
        chromium.click(empty[0] + 600, empty[1]);
        assertThat(chromium.eval("document.getElementById('timeline').dataset.selected")).isEqualTo("-1");
        assertThat(chromium.eval("document.querySelectorAll('#lanes rect.span.linked').length")).isEqualTo(0);
    }
}
