package org.hotplugemu.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How many carriers each command's virtual threads get. */
class CarriersTest {
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    @Test
    void simCommandsGetOneCarrier() {
        assertThat(Carriers.parallelism(List.of("boot", "--cpus", "4"))).isEqualTo(1);
        assertThat(Carriers.parallelism(List.of("--verbose", "torture", "--jobs", "3"))).isEqualTo(1);
    }

    @Test
    void exploreGetsOneCarrierPerJobByDefaultTwoPerProcessor() {
        assertThat(Carriers.parallelism(List.of("explore", "--cpus", "4"))).isEqualTo(2 * PROCESSORS);
        assertThat(Carriers.parallelism(List.of("explore", "--jobs", "3"))).isEqualTo(3);
        assertThat(Carriers.parallelism(List.of("explore", "--jobs=5", "--cpus", "8"))).isEqualTo(5);
        // picocli reports a bad --jobs; until then one carrier does.
        assertThat(Carriers.parallelism(List.of("explore", "--jobs", "many"))).isEqualTo(1);
    }

    @Test
    void theThreadsEngineKeepsTheJdkDefault() {
        assertThat(Carriers.parallelism(List.of("explore", "--engine", "threads"))).isZero();
        assertThat(Carriers.parallelism(List.of("boot", "--engine=threads"))).isZero();
    }
}
