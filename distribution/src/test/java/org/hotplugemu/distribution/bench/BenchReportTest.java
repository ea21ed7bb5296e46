package org.hotplugemu.distribution.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The derived figures of a bench report: the cycle against its JDK floor, and explore against boot. */
class BenchReportTest {
    private static BenchReport report(double exploreProcessMs) {
        StartupProbe.Figures startup = new StartupProbe.Figures(100, 500, 2_000, true);
        return new BenchReport(1_500, 9_000, 1_000, 120, 160, 500, 6_800, 40, List.of(new BootFigure(64, 100, 2)), 64, 5, 1.2, startup,
                new BenchReport.Sweep(361, 0, 2_000, 180.5, exploreProcessMs));
    }

    @Test
    void theCycleFloorIsHandoffsPerCycleTimesTheRawJdkHandoffNotTheEnginesOwn() {
        // 120 µs over 40 handoffs of 1 µs (jdk_park), not of 1.5 µs (sim).
        assertThat(report(-1).cycleFloorRatio()).isCloseTo(3.0, within(1e-9));
        assertThat(report(-1).toTable()).contains("cycle = 3.0x floor; <= 3x");
    }

    @Test
    void theCycleFromJavaIsReportedBesideTheLoopInTheEngineButNotAgainstTheFloor() {
        @SuppressWarnings("unchecked")
        Map<String, Object> cycle = (Map<String, Object>) report(-1).toJson().get("cycle_us");
        assertThat(cycle).containsEntry("sim", 120.0).containsEntry("sim_from_java", 160.0).containsEntry("threads", 500.0);
        assertThat(report(-1).toTable()).contains("cycle sim, writes from Java")
                .contains("(6800 µs of it modelled delays at emu.time_scale=0.05)");
    }

    @Test
    void exploreIsComparedWithBootOnlyWhenItsProcessWasTimed() {
        assertThat(report(7_000).exploreBootRatio()).isCloseTo(3.5, within(1e-9));
        @SuppressWarnings("unchecked")
        Map<String, Object> sweep = (Map<String, Object>) report(7_000).toJson().get("sweep");
        assertThat(sweep).containsEntry("explore_process_ms", 7000.0).containsEntry("explore_boot_ratio", 3.5);
        assertThat(report(7_000).toTable()).contains("explore (process, default)");

        assertThat(report(-1).exploreBootRatio()).isEqualTo(-1);
        @SuppressWarnings("unchecked")
        Map<String, Object> quick = (Map<String, Object>) report(-1).toJson().get("sweep");
        assertThat(quick).doesNotContainKey("explore_process_ms");
        assertThat(report(-1).toTable()).doesNotContain("explore (process");
    }
}
