package org.hotplugemu.arch.arm64.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.junit.jupiter.api.Test;

class MpidrTopologyTest {
    @Test
    void withoutSmtAff0IsTheCoreInAClusterOfSixteen() {
        MpidrTopology topology = MpidrTopology.generate(18, 1);
        assertThat(topology.mpidr(3)).isEqualTo(0x3);
        assertThat(topology.mpidr(17)).isEqualTo(0x101);
        assertThat(topology.registerValue(17)).isEqualTo(0x8000_0101L);
        assertThat(topology.topology().get(17)).isEqualTo(new CpuTopology(17, 0x101, 0, 17, 0));
    }

    @Test
    void withSmtAff0IsTheThreadAndTheRegisterHasTheMtBit() {
        MpidrTopology topology = MpidrTopology.generate(4, 2);
        assertThat(topology.mpidrs()).containsExactly(0x0L, 0x1L, 0x100L, 0x101L);
        assertThat(topology.registerValue(3)).isEqualTo(0x8100_0101L);
        assertThat(topology.topology().get(3)).isEqualTo(new CpuTopology(3, 0x101, 0, 1, 1));
        assertThat(topology.topology().get(2).primaryThread()).isTrue();
    }

    @Test
    void linuxMasksTheRegisterToTheAffinityFields() {
        assertThat(Mpidr.mask(0xff_c140_0203L)).as("MT, U, RES1 and bits 29-25 go").isEqualTo(0xff_0040_0203L);
        assertThat(Mpidr.affinity(0x12_0034_5678L, 3)).isEqualTo(0x12);
        assertThat(Mpidr.format(0x101)).isEqualTo("0x0000000101");
        MpidrTopology topology = MpidrTopology.generate(4, 2);
        assertThat(topology.cpuOf(topology.registerValue(2))).isEqualTo(2);
    }

    @Test
    void duplicateMpidrsAreRejected() {
        assertThatThrownBy(() -> MpidrTopology.of(List.of(0x0L, 0x1L, 0x1L), 1))
                .isInstanceOf(HotplugException.class)
                .hasMessageContaining("duplicate")
                .extracting(e -> ((HotplugException) e).errno()).isEqualTo(Errno.EINVAL);
    }

    @Test
    void mpidrsWithBitsOutsideTheMaskAreRejected() {
        assertThatThrownBy(() -> MpidrTopology.of(List.of(0x0L, Mpidr.MT_BIT | 1), 1))
                .isInstanceOf(HotplugException.class)
                .hasMessageContaining("invalid reg property");
    }
}
