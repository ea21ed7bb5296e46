package org.hotplugemu.arch.arm64.topology;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * The MPIDR of every logical CPU and the package/core/thread numbers derived from it.
 *
 * <p>Generated layout: with one thread per core, Aff0 is the core within a cluster of 16 (the
 * GICv3 target-list width qemu's virt machine also uses), Aff1 the cluster, Aff2 the group of 256
 * clusters. With SMT, Aff0 is the thread, Aff1 the core (mod 256), Aff2 the core / 256, and the
 * MPIDR_EL1 register also has the MT bit set. The hardware ids Linux keeps (and this class lists) are
 * the register masked with {@link Mpidr#HWID_BITMASK}, so they never hold MT, U or RES1. Every CPU is in package 0 and core numbers are global, as Linux 6.1 reports them without a
 * DT {@code cpu-map}. Experimental.
 */
public final class MpidrTopology {
    private static final int CORES_PER_CLUSTER = 16;

    private final List<Long> mpidrs;
    private final List<CpuTopology> topology;

    private final int threadsPerCore;

    private MpidrTopology(List<Long> mpidrs, List<CpuTopology> topology, int threadsPerCore) {
        this.threadsPerCore = threadsPerCore;
        this.mpidrs = List.copyOf(mpidrs);
        this.topology = List.copyOf(topology);
    }

    /** Generates the MPIDRs of {@code cpus} CPUs with {@code threadsPerCore} threads per core. */
    public static MpidrTopology generate(int cpus, int threadsPerCore) {
        List<Long> mpidrs = new ArrayList<>(cpus);
        for (int cpu = 0; cpu < cpus; cpu++) {
            if (threadsPerCore > 1) {
                int core = cpu / threadsPerCore;
                mpidrs.add(Mpidr.of(0, core / 256, core % 256, cpu % threadsPerCore));
            }
            else {
                int cluster = cpu / CORES_PER_CLUSTER;
                mpidrs.add(Mpidr.of(0, cluster / 256, cluster % 256, cpu % CORES_PER_CLUSTER));
            }
        }
        return of(mpidrs, threadsPerCore);
    }

    /**
     * Builds the topology from explicit MPIDRs (the DT {@code reg} of each CPU node, CPU 0 first).
     * Threads of one core are consecutive CPUs.
     *
     * @throws HotplugException EINVAL for a value with bits outside {@link Mpidr#HWID_BITMASK} (the
     *         kernel's "invalid reg property") or a duplicate ("duplicate cpu reg properties")
     */
    public static MpidrTopology of(List<Long> mpidrs, int threadsPerCore) {
        requireNonNull(mpidrs, "mpidrs is null");
        Set<Long> seen = new HashSet<>();
        List<CpuTopology> topology = new ArrayList<>(mpidrs.size());
        for (int cpu = 0; cpu < mpidrs.size(); cpu++) {
            long mpidr = mpidrs.get(cpu);
            if ((mpidr & ~Mpidr.HWID_BITMASK) != 0) {
                throw new HotplugException(Errno.EINVAL, "CPU" + cpu + " MPIDR " + Mpidr.format(mpidr)
                        + " has bits outside 0xff00ffffff (invalid reg property): give only the Aff3..Aff0 fields");
            }
            if (!seen.add(mpidr)) {
                throw new HotplugException(Errno.EINVAL, "CPU" + cpu + " MPIDR " + Mpidr.format(mpidr)
                        + " is a duplicate cpu reg property: every CPU needs its own MPIDR");
            }
            topology.add(new CpuTopology(cpu, mpidr, 0, cpu / threadsPerCore, cpu % threadsPerCore));
        }
        return new MpidrTopology(mpidrs, topology, threadsPerCore);
    }

    /** Returns the MPIDR of {@code cpu} as Linux's {@code cpu_logical_map} holds it. */
    public long mpidr(int cpu) {
        return mpidrs.get(cpu);
    }

    /** Returns what {@code cpu} reads from MPIDR_EL1: RES1 bit 31, MT when SMT, then the affinity. */
    public long registerValue(int cpu) {
        return Mpidr.RES1_BIT | (threadsPerCore > 1 ? Mpidr.MT_BIT : 0) | mpidrs.get(cpu);
    }

    /** Returns the logical CPU whose MPIDR is {@code mpidr} after masking, or -1. */
    public int cpuOf(long mpidr) {
        return mpidrs.indexOf(Mpidr.mask(mpidr));
    }

    public List<Long> mpidrs() {
        return mpidrs;
    }

    public List<CpuTopology> topology() {
        return topology;
    }
}
