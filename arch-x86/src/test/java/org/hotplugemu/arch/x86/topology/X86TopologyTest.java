package org.hotplugemu.arch.x86.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.MachineConfig;
import org.junit.jupiter.api.Test;

class X86TopologyTest {
    private static X86Topology topology(int cpus, int smt) {
        return new X86Topology(new MachineConfig(cpus, smt, KernelCommandLine.empty()));
    }

    @Test
    void threadBitsAreTheCeilingOfLog2OfTheSmtWidth() {
        assertThat(X86Topology.threadBits(1)).isZero();
        assertThat(X86Topology.threadBits(2)).isEqualTo(1);
        assertThat(X86Topology.threadBits(3)).isEqualTo(2);
        assertThat(X86Topology.threadBits(4)).isEqualTo(2);
        assertThat(X86Topology.threadBits(8)).isEqualTo(3);
    }

    @Test
    void siblingsAreAdjacentAndApicIdsLeaveGapsForUnusedThreadNumbers() {
        X86Topology topology = topology(6, 3);

        assertThat(topology.cpus()).extracting(CpuTopology::hardwareId).containsExactly(0L, 1L, 2L, 4L, 5L, 6L);
        assertThat(topology.cpus().get(4)).isEqualTo(new CpuTopology(4, 5, 0, 1, 1));
        assertThat(topology.cpus()).filteredOn(CpuTopology::primaryThread).extracting(CpuTopology::cpu).containsExactly(0, 3);
        assertThat(topology.cpuOfApicId(5)).contains(4);
        assertThat(topology.cpuOfApicId(3)).isEmpty();
    }

    @Test
    void x2apicIsUsedOnlyWhenAnApicIdDoesNotFitXapic() {
        assertThat(topology(255, 1).x2apic()).isFalse();
        assertThat(topology(256, 1).x2apic()).isTrue();
        assertThat(topology(256, 2).x2apic()).isTrue();
    }
}
