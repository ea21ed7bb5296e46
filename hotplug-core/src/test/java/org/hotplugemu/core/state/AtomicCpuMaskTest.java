package org.hotplugemu.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** cpumask_next and cpumask_any_but over word boundaries agree with the plain stream of set CPUs. */
class AtomicCpuMaskTest {
    @Test
    void nextAndAnyButAgreeWithTheStreamOfSetCpus() {
        AtomicCpuMask mask = new AtomicCpuMask(200);
        for (int cpu : new int[] {0, 1, 63, 64, 127, 150, 199}) {
            mask.set(cpu, true);
        }
        for (int cpu = -1; cpu < 200; cpu++) {
            int after = cpu;
            int expectedNext = mask.stream().filter(other -> other > after).findFirst().orElse(-1);
            int expectedAnyBut = mask.stream().filter(other -> other != after).findFirst().orElse(-1);
            assertThat(mask.next(cpu)).as("next(%d)", cpu).isEqualTo(expectedNext);
            assertThat(mask.anyBut(cpu)).as("anyBut(%d)", cpu).isEqualTo(expectedAnyBut);
        }
    }

    @Test
    void aMaskWithOnlyThatCpuHasNoOtherAndAnEmptyMaskHasNone() {
        AtomicCpuMask mask = new AtomicCpuMask(4);
        assertThat(mask.anyBut(0)).isEqualTo(-1);
        mask.set(2, true);
        assertThat(mask.anyBut(2)).isEqualTo(-1);
        assertThat(mask.anyBut(0)).isEqualTo(2);
        assertThat(mask.next(2)).isEqualTo(-1);
    }
}
