package org.hotplugemu.arch.spi;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Where one logical CPU sits: its hardware id (x86 APIC id, arm64 MPIDR) and its package, core and
 * SMT thread numbers. Thread 0 of a core is its primary thread.
 */
@API(status = STABLE, since = "0.1")
public record CpuTopology(int cpu, long hardwareId, int packageId, int coreId, int threadId) {
    public CpuTopology {
        if (cpu < 0 || packageId < 0 || coreId < 0 || threadId < 0 || hardwareId < 0) {
            throw new IllegalArgumentException("negative topology value for CPU " + cpu);
        }
    }

    /** Returns whether this is the first SMT thread of its core (the one {@code nosmt} keeps). */
    public boolean primaryThread() {
        return threadId == 0;
    }
}
