package org.hotplugemu.arch.arm64.smp;

import static java.util.Objects.requireNonNull;

import java.util.function.IntConsumer;
import org.hotplugemu.api.kernel.Errno;

/**
 * The {@code spin-table} enable method ({@code arch/arm64/kernel/smp_spin_table.c}): the CPU waits
 * in WFE on its {@code cpu-release-addr}; booting writes the entry there and sends SEV. It has no
 * {@code cpu_die}, so such a CPU can never be taken offline. Experimental.
 */
public final class SpinTableCpuOperations implements CpuOperations {
    private final IntConsumer release;

    /** @param release writes the release address and sends SEV: the CPU starts running */
    public SpinTableCpuOperations(IntConsumer release) {
        this.release = requireNonNull(release, "release is null");
    }

    @Override
    public String name() {
        return "spin-table";
    }

    @Override
    public int boot(int cpu) {
        release.accept(cpu);
        return 0;
    }

    @Override
    public boolean canDisable(int cpu) {
        return false;
    }

    @Override
    public boolean hasDie() {
        return false;
    }

    @Override
    public int disable(int cpu) {
        return -Errno.EOPNOTSUPP.number();
    }

    @Override
    public int die(int cpu) {
        return -Errno.EOPNOTSUPP.number();
    }

    @Override
    public int kill(int cpu) {
        // No cpu_kill: the kernel just hopes the CPU is dead.
        return 0;
    }
}
