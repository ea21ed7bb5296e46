package org.hotplugemu.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.junit.jupiter.api.Test;

/** The profile's {@code boot} and {@code costs} sections: what the built-in profiles say, and how bad input is reported. */
class BootPlanAndCostsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode builtInJson(String name) throws Exception {
        try (InputStream in = Profiles.class.getResourceAsStream("/profiles/" + name + ".json")) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    private static Profile load(ObjectNode json) throws Exception {
        return ProfileLoader.load(new ByteArrayInputStream(MAPPER.writeValueAsBytes(json)), "test");
    }

    @Test
    void builtInPlansSayWhereTheKernelRegistered() {
        BootPlan x86 = Profiles.builtIn("linux-6.1-x86_64").bootPlan();
        assertThat(x86.bootCpuTargetOnline()).isFalse();
        assertThat(x86.find("mm/writeback:online")).contains(new BootStep("mm/writeback:online", BootPhase.EARLY, Optional.of(true), false, 1));
        assertThat(x86.find("x86/mce:online").map(BootStep::phase)).contains(BootPhase.AFTER_SMP);
        assertThat(x86.find("mm/compaction:online").flatMap(BootStep::calls)).contains(false);
        BootPlan arm64 = Profiles.builtIn("linux-6.12-arm64").bootPlan();
        assertThat(arm64.bootCpuTargetOnline()).isTrue();
        assertThat(arm64.find("clockevents/arm/arch_timer:starting").map(BootStep::irqsOff)).contains(true);
    }

    @Test
    void aProfileWithoutBootOrCostsKeepsTheOldBehaviour() throws Exception {
        ObjectNode json = builtInJson("linux-6.1-x86_64");
        json.remove("boot");
        json.remove("costs");
        Profile profile = load(json);
        assertThat(profile.bootPlan()).isSameAs(BootPlan.NONE);
        assertThat(profile.costs()).isSameAs(CostModel.NONE);
    }

    @Test
    void badBootAndCostEntriesAreListedTogether() throws Exception {
        ObjectNode json = builtInJson("linux-6.1-x86_64");
        ObjectNode boot = MAPPER.createObjectNode().put("bootCpuTarget", "sometimes");
        boot.putArray("registrations").addObject().put("name", "x").put("phase", "later");
        json.set("boot", boot);
        ObjectNode costs = MAPPER.createObjectNode();
        costs.putObject("callbacks").putObject("bringup_cpu").put("runtimeNs", -1);
        json.set("costs", costs);
        assertThatThrownBy(() -> load(json))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("3 problems")
                .hasMessageContaining("$.boot.bootCpuTarget: must be \"online\" or \"offline\"")
                .hasMessageContaining("$.boot.registrations[0].phase")
                .hasMessageContaining("$.costs.callbacks.bringup_cpu.runtimeNs: must be a non-negative integer");
    }

    @Test
    void costsAreTheMedianSpreadByTheJitter() {
        CostModel model = new CostModel(500, Map.of("bringup_cpu", new CostModel.Cost(1_000_000, 3_000_000, 0.5)));
        assertThat(model.nanos("other", false, () -> 0.9)).isEqualTo(500);
        assertThat(model.nanos("bringup_cpu", false, () -> 0.5)).isEqualTo(1_000_000);
        assertThat(model.nanos("bringup_cpu", true, () -> 0.5)).isEqualTo(3_000_000);
        assertThat(model.nanos("bringup_cpu", false, () -> 0.0)).isEqualTo(500_000);
        assertThat(model.nanos("bringup_cpu", false, () -> 0.999_999)).isBetween(1_499_000L, 1_500_000L);
        assertThat(CostModel.flat(7).nanos("bringup_cpu", true, () -> 0.3)).isEqualTo(7);
    }

}
