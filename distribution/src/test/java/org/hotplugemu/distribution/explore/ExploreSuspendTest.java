package org.hotplugemu.distribution.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.shell.Interpreter;
import org.junit.jupiter.api.Test;

/** The suspend sweep (freeze and thaw failing on each CPU) and the size of the default campaign (issue 15 item 4). */
class ExploreSuspendTest {
    /** As {@code hotplug-emu explore} plans it by default: 20 seeds of 40 operations. */
    private static final Campaign.Options DEFAULTS = new Campaign.Options(20, 40, 1, 1, Optional.empty());

    @Test
    void theDefaultCampaignOfAFourCpuX86MachineHasAtLeast300Scenarios() {
        List<Object> plan = new Campaign(TestingSources.stock("x86", 4), 0, DEFAULTS).plan();
        assertThat(plan.size()).isGreaterThanOrEqualTo(300);
        assertThat(plan).extracting(Campaign::id).doesNotHaveDuplicates();
        // Every hotpluggable CPU (x86 keeps CPU 0), in every sweep that takes a CPU.
        assertThat(cpusOf(plan, FaultScenario.class::isInstance)).containsExactly(1, 2, 3);
        assertThat(cpusOf(plan, FreezeScenario.class::isInstance)).containsExactly(1, 2, 3);
        assertThat(cpusOf(plan, ThawScenario.class::isInstance)).containsExactly(1, 2, 3);
        assertThat(cpusOf(plan, SysdevScenario.class::isInstance)).containsExactly(1, 2, 3);
        // The freeze fails at every state a plain offline fails at, the thaw at every state a plain online fails at.
        assertThat(plan.stream().filter(FreezeScenario.class::isInstance).count())
                .isEqualTo(plan.stream().filter(s -> s instanceof FaultScenario f && !f.up()).count());
        assertThat(plan.stream().filter(ThawScenario.class::isInstance).count())
                .isEqualTo(plan.stream().filter(s -> s instanceof FaultScenario f && f.up()).count());
    }

    @Test
    void aLeakyTeardownIsCaughtByAFailedFreezeAndItsReproducerReplays() {
        MachineSource source = TestingSources.stock("x86", 4, "", () -> List.of(new BuggyDrivers.LeakyTeardown()));
        SuspendScenario freeze = pick(source, s -> s instanceof FreezeScenario f && f.cpu() == 3 && f.stateName().equals("buggy/leaky:online"));
        Finding finding = only(source, freeze);
        assertThat(finding.kind()).isEqualTo("invariant");
        assertThat(finding.message()).contains("resource 'leaky buffer'");
        assertThat(finding.script()).contains("freeze_secondary_cpus", "thaw_secondary_cpus");
        assertThat(replay(source, finding)).contains("resource 'leaky buffer'");
    }

    @Test
    void aLeakyTeardownIsCaughtByAThawFailingAfterItsStateAndItsReproducerReplays() {
        MachineSource source = TestingSources.stock("x86", 4, "", () -> List.of(new BuggyDrivers.LeakyTeardown()));
        List<Object> plan = new Campaign(source, 0, new Campaign.Options(0, 1, 1, 1, Optional.empty())).plan();
        int leaky = plan.stream().filter(s -> s instanceof ThawScenario t && t.stateName().equals("buggy/leaky:online"))
                .mapToInt(s -> ((ThawScenario) s).state()).findFirst().orElseThrow();
        // A failure after the leaky state makes the rollback run its teardown, which releases nothing.
        SuspendScenario thaw = pick(source, s -> s instanceof ThawScenario t && t.cpu() == 2 && t.state() > leaky);
        Finding finding = only(source, thaw);
        assertThat(finding.message()).contains("resource 'leaky buffer'");
        assertThat(finding.script()).contains("thaw_secondary_cpus");
        assertThat(replay(source, finding)).contains("resource 'leaky buffer'");
    }

    private static Set<Integer> cpusOf(List<Object> plan, Predicate<Object> kind) {
        return plan.stream().filter(kind).map(s -> switch (s) {
            case FaultScenario f -> f.cpu();
            case SuspendScenario f -> f.cpu();
            case SysdevScenario f -> f.cpu();
            default -> throw new AssertionError(s);
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    private static SuspendScenario pick(MachineSource source, Predicate<Object> which) {
        List<Object> plan = new Campaign(source, 0, new Campaign.Options(0, 1, 1, 1, Optional.empty())).plan();
        return (SuspendScenario) plan.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such scenario"));
    }

    private static Finding only(MachineSource source, SuspendScenario scenario) {
        ExploreReport report = new Campaign(source, 0, new Campaign.Options(0, 1, 1, 1, Optional.of(scenario.id()))).run(total -> done -> { });
        assertThat(report.scenarios()).isEqualTo(1);
        assertThat(report.failed()).hasSize(1);
        return report.failed().get(0);
    }

    private static String replay(MachineSource source, Finding finding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Machine machine = source.boot(finding.cpus(), finding.seed(), "")) {
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            new Interpreter(machine, print, print).runScript("repro.sh", finding.script().lines().toList());
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
