package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.hotplugemu.distribution.Main;
import org.hotplugemu.distribution.cli.Streams;
import org.hotplugemu.tracing.TestingChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's acceptance for the trace report, end to end: {@code run --trace FILE.html} of an
 * offline of CPU 1 that fails once (the kernel's own {@code hotplug/fail} at workqueue:online),
 * a retried offline and an online, opened in a real headless Chromium. The failure is
 * {@code cpuhp_kick_ap_work} on the kworker that drives the offline; its rollback is the ONLINE
 * steps {@code cpuhp/1} walks back up before the kick returns -EAGAIN.
 */
class TraceReportBrowserTest {
    private static final String CPU1 = "/sys/devices/system/cpu/cpu1";
    private static final List<String> ROLLBACK = List.of("198 random_online_cpu", "199 rcutree_online_cpu",
            "200 cacheinfo_cpu_online", "201 page_writeback_cpu_online", "202 vmstat_cpu_online",
            "204 kcompactd_cpu_online", "206 compute_batch_value", "207 acpi_soft_cpu_online", "208 ledtrig_online_cpu",
            "209 mce_cpu_online", "210 console_cpu_notify", "235 sched_cpu_activate");

    // Chromium may still be writing its profile when the test ends: leave the directory to the OS.
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
    Path dir;

    private Path traceFailedOfflineThenOfflineAndOnline() {
        Path html = dir.resolve("offline.html");
        String script = String.join("\n", "echo 197 > " + CPU1 + "/hotplug/fail", "echo 0 > " + CPU1 + "/online",
                "echo 0 > " + CPU1 + "/online", "echo 1 > " + CPU1 + "/online", "");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new Streams(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)),
                "run", "--arch", "x86", "--profile", "linux-6.1-x86_64", "--cpus", "4", "--trace", html.toString(), "-");
        assertThat(status).as("exit status; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Resource temporarily unavailable");
        return html;
    }

    @Test
    void failedOfflineShowsLanesSpansAndItsRollbackInARealBrowser() throws Exception {
        Path html = traceFailedOfflineThenOfflineAndOnline();
        try (TestingChromium chromium = TestingChromium.launch(dir.resolve("profile"))) {
            chromium.open(html);
            chromium.screenshot(Path.of("target", "report-screenshots", "offline-failure-overview.png"));
            assertThat(chromium.pageErrors()).isEmpty();
            assertThat(chromium.requestedUrls()).containsExactly(html.toUri().toString());

            // Lanes: every task that ran a traced callback, under the CPU it ran on. As in 6.1 and 6.12, an
            // AP's STARTING steps run while it is offline and are not traced, so its swapper/N has no lane;
            // the boot's early registrations run in the boot context, <idle>-0.
            String rows = (String) chromium.eval("Array.from(document.querySelectorAll("
                    + "'#lanes .group-label, #lanes .lane-label')).map(t => t.textContent).join(' ')");
            assertThat(rows).matches("CPU 0 <idle>-0 swapper/0-\\d+ cpuhp/0-\\d+ kworker/0:1-\\d+ sh-\\d+ "
                    + "CPU 1 cpuhp/1-\\d+ CPU 2 cpuhp/2-\\d+ CPU 3 cpuhp/3-\\d+");

            // Multi-instance callbacks are spans too (zswap's per-pool state).
            assertThat(chromium.eval("JSON.parse(document.getElementById('trace-data').textContent).spans"
                    + ".filter(s => s.beginEvent.startsWith('cpuhp_multi_enter:')).map(s => s.label + ' ' + s.category)"
                    + ".filter((v, i, all) => all.indexOf(v) === i)"))
                    .asList().contains("65 zswap_cpu_comp_prepare up", "65 zswap_cpu_comp_dead down", "23 bio_cpu_dead down");

            double[] next = chromium.centre("#next-failure");
            chromium.click(next[0], next[1]);

            chromium.screenshot(Path.of("target", "report-screenshots", "offline-failure-rollback.png"));
            assertThat(chromium.text("#details")).contains("236 cpuhp_kick_ap_work \u2014 failed", "down",
                    "kworker/0:1-", "ret -11 at step 236, state 236",
                    "12 steps, 198 random_online_cpu \u2026 235 sched_cpu_activate on cpuhp/1-");
            assertThat(chromium.eval("Array.from(document.querySelectorAll('#lanes rect.span.linked.rollback'))"
                    + ".map(r => JSON.parse(document.getElementById('trace-data').textContent).spans[r.dataset.id].label)"))
                    .isEqualTo(ROLLBACK);
            assertThat(chromium.eval("document.querySelectorAll('#lanes path.link').length")).isEqualTo(1);

            // Hover the widest rollback span (callbacks cost what the profile's cost model says, so the
            // narrow ones may be a pixel wide): its tooltip names it, the failure that caused it and its events.
            String widest = String.valueOf(chromium.eval("(() => { const rects = Array.from(document.querySelectorAll("
                    + "'#lanes rect.span.rollback.linked')); rects.sort((a, b) => b.getBBox().width - a.getBBox().width);"
                    + " return rects[0].dataset.id; })()"));
            String label = String.valueOf(chromium.eval("JSON.parse(document.getElementById('trace-data').textContent).spans["
                    + widest + "].label"));
            assertThat(ROLLBACK).contains(label);
            double[] rollback = chromium.centre("#lanes rect.span.rollback.linked[data-id=\"" + widest + "\"]");
            chromium.hover(rollback[0], rollback[1]);

            assertThat(chromium.eval("document.getElementById('tooltip').hidden")).isEqualTo(false);
            assertThat(chromium.text("#tooltip")).contains(label + " \u2014 rollback", "up", "\u00b5s",
                    "cpuhp/1-", "caused by", "236 cpuhp_kick_ap_work (ret -11",
                    "cpuhp_enter: cpu: 0001 target: 236 step: " + label.substring(0, label.indexOf(' ')));
            chromium.screenshot(Path.of("target", "report-screenshots", "offline-failure-hover.png"));
            assertThat(chromium.pageErrors()).isEmpty();
        }
    }
}
