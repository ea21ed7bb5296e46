package org.hotplugemu.distribution.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.shell.Interpreter;
import org.junit.jupiter.api.Test;

/** The acceptance of issue 15: stock drivers pass on both arches; each kept-back buggy driver is caught and replays. */
class ExploreCampaignTest {
    private static ExploreReport explore(MachineSource source, int seeds) {
        return new Campaign(source, 0, new Campaign.Options(seeds, 30, 1, 1, Optional.empty())).run(total -> done -> { });
    }

    private static MachineSource with(Supplier<HotplugDriver> buggy) {
        return TestingSources.stock("x86", 4, "", () -> List.of(buggy.get()));
    }

    /** Replays a finding's script on a fresh machine of the same source and returns what the shell printed. */
    private static String replay(MachineSource source, Finding finding, String extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Machine machine = source.boot(finding.cpus(), finding.seed(), extra)) {
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            new Interpreter(machine, print, print).runScript("repro.sh", finding.script().lines().toList());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stockDriversOfX86PassTheFullSweep() {
        ExploreReport report = explore(TestingSources.stock("x86", 4), 2);
        assertThat(report.failed()).isEmpty();
        assertThat(report.phases()).containsKeys("faults", "registrations", "sequences");
        assertThat(report.phases().get("faults")).isGreaterThan(100);
        // Keys are "%3d name" with the default profile's numbers; look the states up by name.
        assertThat(rollbacksOf(report, "cpu:bringup")).isNotEmpty();
        assertThat(rollbacksOf(report, "workqueue:online")).containsEntry("up: rolled back", 3).containsEntry("down: rolled back", 3)
                .containsEntry("freeze: rolled back", 3).containsEntry("thaw: rolled back", 3);
        assertThat(report.phases()).containsKeys("suspend", "hotplug");
    }

    @Test
    void stockDriversOfArm64PassTheFullSweep() {
        ExploreReport report = explore(TestingSources.stock("arm64", 4), 2);
        assertThat(report.failed()).isEmpty();
        assertThat(report.passed()).isEqualTo(report.scenarios()).isGreaterThan(100);
    }

    @Test
    void aLeakyTeardownIsCaughtWithAReproducerThatReplays() {
        MachineSource source = with(BuggyDrivers.LeakyTeardown::new);
        ExploreReport report = explore(source, 0);
        assertThat(report.failedByKind()).containsKey("invariant");
        Finding finding = report.failed().get(0);
        assertThat(finding.message()).contains("resource 'leaky buffer'");
        assertThat(finding.cpus()).isEqualTo(2);
        assertThat(finding.command()).startsWith("hotplug-emu run --arch x86 --cpus 2 --seed 0");
        assertThat(replay(source, finding, "")).contains("resource 'leaky buffer'");
    }

    @Test
    void aTeardownInTheWrongOrderIsCaught() {
        MachineSource source = with(BuggyDrivers.WrongOrderTeardown::new);
        ExploreReport report = explore(source, 0);
        Finding finding = report.failed().get(0);
        assertThat(finding.message()).contains("use-after-free in worker_offline");
        assertThat(replay(source, finding, "")).contains("use-after-free in worker_offline");
    }

    @Test
    void aRegistrationWhoseRollbackMissesACpuIsCaught() {
        ExploreReport report = explore(with(BuggyDrivers.RollbackMissesCpu::new), 0);
        List<Finding> found = report.failed();
        assertThat(found).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo("registration-rollback");
            assertThat(finding.message()).contains("'rollback counters' still held on CPU 0 after the rollback");
            assertThat(finding.command()).contains("explore --arch x86 --cpus 4 --seed 0 --seeds 0 --scenario 'register buggy_rollback #0");
        });
        // Failing on CPU 0 itself rolls back nothing: only CPUs 1-3 expose the bug.
        assertThat(found).extracting(Finding::scenario).allSatisfy(id -> assertThat(id).doesNotEndWith("cpu0")).hasSize(3);
        MachineSource source = with(BuggyDrivers.RollbackMissesCpu::new);
        ExploreReport replayed = new Campaign(source, 0, new Campaign.Options(0, 30, 1, 1,
                Optional.of(found.get(0).scenario()))).run(total -> done -> { });
        assertThat(replayed.scenarios()).isEqualTo(1);
        assertThat(replayed.failed()).extracting(Finding::message).containsExactly(found.get(0).message());
    }

    @Test
    void aRaceIsCaughtByTheRandomSequencesAndItsShrunkSequenceReplays() {
        MachineSource source = with(BuggyDrivers.RacyStats::new);
        ExploreReport report = explore(source, 10);
        List<Finding> crashes = new ArrayList<>(report.failed().stream().filter(f -> f.scenario().startsWith("sequence")).toList());
        assertThat(crashes).isNotEmpty();
        Finding finding = crashes.get(0);
        assertThat(finding.kind()).isEqualTo("crash");
        assertThat(finding.message()).contains("use-after-free in racy_thread");
        assertThat(finding.command()).contains("emu.sched=jitter");
        assertThat(finding.script().lines().filter(line -> line.endsWith("/online")).count()).isLessThan(30);
        // The shell shows the crash as the write's EIO; the message above has the BUG line.
        assertThat(replay(source, finding, "emu.sched=jitter")).contains("write error: Input/output error");
    }

    private static java.util.Map<String, Integer> rollbacksOf(ExploreReport report, String state) {
        return report.rollbacks().entrySet().stream().filter(entry -> entry.getKey().trim().endsWith(" " + state))
                .map(java.util.Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no rollback of " + state));
    }
}
