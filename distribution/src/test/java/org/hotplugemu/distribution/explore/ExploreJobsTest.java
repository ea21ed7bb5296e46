package org.hotplugemu.distribution.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.PerCpuResource;
import org.junit.jupiter.api.Test;

/** {@code explore --jobs N}: the campaign's runs go to parallel workers, and the report stays the same whatever N is. */
class ExploreJobsTest {
    private static ExploreReport explore(MachineSource source, int seeds, int jobs) {
        return new Campaign(source, 0, new Campaign.Options(seeds, 20, 1, 1, Optional.empty(), jobs)).run(total -> done -> { });
    }

    /**
     * Leaks its per-CPU buffer on every fifth teardown since the machine booted: which sweep point fails
     * depends on what ran before it on the same machine, so on which machine each scenario runs.
     */
    static final class WearsOut implements HotplugDriver {
        private int teardowns;

        @Override
        public String name() {
            return "buggy_wears_out";
        }

        @Override
        public void register(DriverContext context) {
            PerCpuResource buffer = context.resources().track("worn buffer");
            int slot = context.hotplug().setupState(context.hotplug().state("CPUHP_AP_ONLINE_DYN"), "buggy/worn:online",
                    Callback.of("worn_online", buffer::acquire), Callback.of("worn_offline", cpu -> {
                        if (++teardowns % 5 != 0) {
                            buffer.release(cpu);
                        }
                    }));
            buffer.bind(slot);
        }
    }

    @Test
    void findingsAndTheirReproducersAreTheSameWithOneJobAndWithFour() {
        // Sweep points fail only after others on the same machine, and each failure is shrunk.
        MachineSource source = TestingSources.stock("x86", 3, "", () -> List.of(new WearsOut()));
        ExploreReport one = explore(source, 2, 1);
        ExploreReport four = explore(source, 2, 4);
        assertThat(one.failed()).anyMatch(finding -> finding.message().contains("worn buffer")
                && finding.message().contains("a fresh machine passes"));
        assertThat(one.passed()).isPositive();
        assertThat(Json.text(four)).isEqualTo(Json.text(one));
    }

    /** The report as explore --json writes it. */
    private static final class Json {
        static String text(ExploreReport report) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
        }
    }
}
