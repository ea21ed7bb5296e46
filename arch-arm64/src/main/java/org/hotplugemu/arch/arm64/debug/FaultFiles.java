package org.hotplugemu.arch.arm64.debug;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.arch.arm64.psci.PsciFault;
import org.hotplugemu.arch.arm64.psci.PsciFirmware;
import org.hotplugemu.arch.arm64.topology.MpidrTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.kernel.VirtualFiles;

/**
 * The firmware fault switches under {@code /sys/kernel/debug/arm64/}, one file per
 * {@link PsciFault}: {@code psci_fail_cpu_on_internal}, {@code psci_deny_on_after_off},
 * {@code cpu_never_runs}, {@code cpu_never_off}. Each reads the CPU it is armed for ({@code -1}:
 * disarmed) and takes a CPU number; writing {@code -1} (or another CPU) disarms it and resets what
 * it left behind. Only CPUs managed by PSCI can be named. Experimental.
 */
public final class FaultFiles {
    public static final String DIRECTORY = "/sys/kernel/debug/arm64/";

    private FaultFiles() {
    }

    /** Adds one file per fault to {@code files}. */
    public static void register(VirtualFiles files, PsciFirmware firmware, MpidrTopology topology, int cpus) {
        requireNonNull(files, "files is null");
        requireNonNull(firmware, "firmware is null");
        requireNonNull(topology, "topology is null");
        for (PsciFault fault : PsciFault.values()) {
            files.add(DIRECTORY + fault.fileName(), VirtualFile.readWrite(
                    () -> {
                        long mpidr = firmware.fault(fault);
                        return (mpidr == -1 ? -1 : topology.cpuOf(mpidr)) + "\n";
                    },
                    value -> firmware.setFault(fault, parse(fault, value, firmware, topology, cpus))));
        }
    }

    private static long parse(PsciFault fault, String value, PsciFirmware firmware, MpidrTopology topology, int cpus) {
        int cpu;
        try {
            cpu = Integer.parseInt(value.strip());
        }
        catch (NumberFormatException e) {
            throw new HotplugException(Errno.EINVAL, fault.fileName() + " takes a CPU number or -1 to disarm, not '" + value.strip() + "'");
        }
        if (cpu == -1) {
            return -1;
        }
        if (cpu < 0 || cpu >= cpus) {
            throw new HotplugException(Errno.EINVAL, fault.fileName() + ": CPU " + cpu + " does not exist (0-" + (cpus - 1) + ")");
        }
        long mpidr = topology.mpidr(cpu);
        if (!firmware.manages(mpidr)) {
            throw new HotplugException(Errno.EINVAL, fault.fileName() + ": CPU " + cpu + " is not managed by PSCI (spin-table)");
        }
        return mpidr;
    }
}
