package org.hotplugemu.distribution.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.junit.jupiter.api.Test;

class BenchPlanTest {
    @Test
    void setupStateRunsOnTheLargestMachine() {
        assertThat(new BenchPlan(2, 0, BenchPlan.BLOCKS, BenchPlan.BLOCKS, List.of(512, 8192, 64)).largestMachine()).isEqualTo(8192);
    }

    @Test
    void standardPlanBootsTheIssueSizes() {
        assertThat(BenchPlan.standard().bootCpus()).containsExactly(64, 512, 4096, 8192);
    }

    @Test
    void planWithoutMachineSizesIsInvalid() {
        assertThatThrownBy(() -> new BenchPlan(2, 0, BenchPlan.BLOCKS, BenchPlan.BLOCKS, List.of()))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }

    @Test
    void fewerCyclesThanBlocksIsInvalid() {
        assertThatThrownBy(() -> new BenchPlan(2, 0, BenchPlan.BLOCKS - 1, BenchPlan.BLOCKS, List.of(64)))
                .isInstanceOf(HotplugException.class);
    }
}
