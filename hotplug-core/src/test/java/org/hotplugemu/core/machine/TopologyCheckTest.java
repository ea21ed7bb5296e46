package org.hotplugemu.core.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.junit.jupiter.api.Test;

class TopologyCheckTest {
    private static CpuTopology cpu(int cpu, long id, int core, int thread) {
        return new CpuTopology(cpu, id, 0, core, thread);
    }

    @Test
    void aTopologyWithOneEntryPerCpuIsAccepted() {
        assertThatCode(() -> TopologyCheck.check("toy", 2, List.of(cpu(0, 0, 0, 0), cpu(1, 2, 1, 0)))).doesNotThrowAnyException();
    }

    @Test
    void anEmptyTopologyIsAClearErrorNotACpuRange() {
        assertThatThrownBy(() -> TopologyCheck.check("toy", 4, List.of()))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessage("architecture toy has a broken CPU topology: it describes no CPU at all, but the machine has 4"
                        + " (a bug in the backend: report it to its author)");
    }

    @Test
    void aTooShortTopologyIsRejected() {
        assertThatThrownBy(() -> TopologyCheck.check("toy", 4, List.of(cpu(0, 0, 0, 0), cpu(1, 1, 1, 0))))
                .hasMessageContaining("it describes 2 CPUs but the machine has 4 (--cpus)");
    }

    @Test
    void aTooLongTopologyIsRejected() {
        assertThatThrownBy(() -> TopologyCheck.check("toy", 1, List.of(cpu(0, 0, 0, 0), cpu(1, 1, 1, 0))))
                .hasMessageContaining("it describes 2 CPUs but the machine has 1 (--cpus)");
    }

    @Test
    void duplicatedEntriesAreRejected() {
        assertThatThrownBy(() -> TopologyCheck.check("toy", 3, List.of(cpu(0, 0, 0, 0), cpu(1, 0, 0, 0), cpu(1, 4, 2, 0))))
                .hasMessageContaining("CPUs 0 and 1 have the same hardware ID 0x0")
                .hasMessageContaining("CPUs 0 and 1 are both package 0, core 0, thread 0")
                .hasMessageContaining("entry 2 says it is CPU 1");
    }
}
