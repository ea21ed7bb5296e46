package org.hotplugemu.arch.x86.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.arch.spi.MachineConfig;

/**
 * The emulated machine's x86 topology: one package, {@code cpus / threadsPerCore} cores, APIC ids
 * built as the CPUID leaf 0xb layout does (thread bits {@code ceil(log2(smt))} at the bottom, core
 * bits above). Logical CPUs are numbered the way QEMU's MADT lists them: the threads of a core are
 * adjacent ({@code cpu = core * smt + thread}).
 *
 * <p>The machine uses x2APIC when an APIC id does not fit the 8-bit xAPIC destination (0xff is the
 * xAPIC broadcast id). Experimental.
 */
public final class X86Topology {
    /** The highest APIC id xAPIC can address; 0xff is broadcast. */
    public static final long MAX_XAPIC_ID = 0xfe;

    private final List<CpuTopology> cpus;
    private final Map<Long, Integer> cpuByApicId = new HashMap<>();
    private final int threadBits;
    private final boolean x2apic;

    public X86Topology(MachineConfig config) {
        int smt = config.threadsPerCore();
        this.threadBits = threadBits(smt);
        List<CpuTopology> list = new ArrayList<>(config.cpus());
        for (int cpu = 0; cpu < config.cpus(); cpu++) {
            int core = cpu / smt;
            int thread = cpu % smt;
            long apicId = ((long) core << threadBits) | thread;
            list.add(new CpuTopology(cpu, apicId, 0, core, thread));
            cpuByApicId.put(apicId, cpu);
        }
        this.cpus = List.copyOf(list);
        this.x2apic = cpus.get(cpus.size() - 1).hardwareId() > MAX_XAPIC_ID;
    }

    /** Returns {@code ceil(log2(smt))}: how many low APIC id bits number the threads of a core. */
    public static int threadBits(int smt) {
        return smt <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(smt - 1);
    }

    public List<CpuTopology> cpus() {
        return cpus;
    }

    public int threadBits() {
        return threadBits;
    }

    /** Returns whether the machine runs its local APICs in x2APIC mode (32-bit ids). */
    public boolean x2apic() {
        return x2apic;
    }

    public int apicId(int cpu) {
        return (int) cpus.get(cpu).hardwareId();
    }

    /** Returns the logical CPU with this APIC id, as the kernel's {@code cpuid_to_apicid} lookup does. */
    public Optional<Integer> cpuOfApicId(long apicId) {
        return Optional.ofNullable(cpuByApicId.get(apicId));
    }
}
