package org.hotplugemu.arch.arm64.smp;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.arch.arm64.psci.PsciFirmware;
import org.hotplugemu.arch.arm64.psci.PsciFunction;
import org.hotplugemu.arch.arm64.psci.PsciReturn;
import org.hotplugemu.arch.arm64.topology.Mpidr;
import org.hotplugemu.arch.arm64.topology.MpidrTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.sched.Scheduler;

/**
 * Linux's PSCI driver ({@code drivers/firmware/psci/psci.c}): the probe and its messages, the calls
 * through the DT conduit with the native (SMC64) function ids, and the errno mapping. Calls are made
 * from the calling emulated CPU. Experimental.
 */
public final class PsciDriver {
    private final PsciFirmware firmware;
    private final MpidrTopology topology;
    private final Scheduler scheduler;
    private final KernelLog log;
    private int residentCpu = -1;

    public PsciDriver(PsciFirmware firmware, MpidrTopology topology, Scheduler scheduler, KernelLog log) {
        this.firmware = requireNonNull(firmware, "firmware is null");
        this.topology = requireNonNull(topology, "topology is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.log = requireNonNull(log, "log is null");
    }

    /** {@code psci_dt_init} → {@code psci_probe}: prints what 6.1 prints and finds a trusted OS. */
    public void probe() {
        log.info("psci: probing for conduit method from DT.");
        long version = invoke(PsciFunction.PSCI_VERSION.smc32Id(), 0, 0, 0);
        log.info("psci: PSCIv" + (version >> 16) + "." + (version & 0xffff) + " detected in firmware.");
        log.info("psci: Using standard PSCI v0.2 function IDs");
        initMigrate();
        if ((version >> 16) >= 1) {
            long feature = features(PsciFunction.SMCCC_VERSION_ID);
            // Only SMCCC v1.1+ firmware answers SMCCC_VERSION; v1.0 is what the reference firmware has.
            long smccc = 0x10000;
            if (feature != PsciReturn.NOT_SUPPORTED) {
                long answer = invoke(PsciFunction.SMCCC_VERSION_ID, 0, 0, 0);
                if (answer >= 0x10001) {
                    smccc = answer;
                }
            }
            log.info("psci: SMC Calling Convention v" + (smccc >> 16) + "." + (smccc & 0xffff));
            features(PsciFunction.CPU_SUSPEND.nativeId());
        }
    }

    private void initMigrate() {
        long type = invoke(PsciFunction.MIGRATE_INFO_TYPE.smc32Id(), 0, 0, 0);
        if (type == PsciReturn.TOS_NOT_PRESENT_MP) {
            log.info("psci: Trusted OS migration not required");
            return;
        }
        if (type == PsciReturn.NOT_SUPPORTED) {
            log.info("psci: MIGRATE_INFO_TYPE not supported.");
            return;
        }
        if (type != PsciReturn.TOS_UP_MIGRATE && type != PsciReturn.TOS_UP_NO_MIGRATE) {
            log.error("psci: MIGRATE_INFO_TYPE returned unknown type (" + type + ")");
            return;
        }
        long cpuid = invoke(PsciFunction.MIGRATE_INFO_UP_CPU.nativeId(), 0, 0, 0);
        if ((cpuid & ~Mpidr.HWID_BITMASK) != 0) {
            log.warn("psci: MIGRATE_INFO_UP_CPU reported invalid physical ID (0x" + Long.toHexString(cpuid) + ")");
            return;
        }
        residentCpu = topology.cpuOf(cpuid);
        log.info("psci: Trusted OS resident on physical CPU 0x" + Long.toHexString(cpuid));
    }

    /** {@code psci_tos_resident_on}. */
    public boolean tosResidentOn(int cpu) {
        return cpu == residentCpu;
    }

    /** CPU_ON with context id 0; returns 0 or the mapped negative errno. */
    public int cpuOn(long mpidr, long entry) {
        return errno(invoke(PsciFunction.CPU_ON.nativeId(), mpidr, entry, 0));
    }

    /** CPU_OFF; returns only on failure (0 means the calling core is powering down). */
    public int cpuOff(long powerState) {
        return errno(invoke(PsciFunction.CPU_OFF.smc32Id(), powerState, 0, 0));
    }

    /** AFFINITY_INFO, returned raw as the kernel does (0 ON, 1 OFF, 2 ON_PENDING, or an error code). */
    public int affinityInfo(long mpidr, int lowestLevel) {
        return (int) invoke(PsciFunction.AFFINITY_INFO.nativeId(), mpidr, lowestLevel, 0);
    }

    private long features(long functionId) {
        return invoke(PsciFunction.PSCI_FEATURES.smc32Id(), functionId, 0, 0);
    }

    private long invoke(long functionId, long arg0, long arg1, long arg2) {
        long caller = topology.mpidr(scheduler.currentCpu());
        return firmware.call(firmware.conduit(), caller, functionId, arg0, arg1, arg2);
    }

    private static int errno(long code) {
        Errno errno = PsciReturn.toErrno(code);
        return errno == null ? 0 : -errno.number();
    }
}
