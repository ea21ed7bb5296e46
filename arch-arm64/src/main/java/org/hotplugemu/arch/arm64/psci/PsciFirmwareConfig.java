package org.hotplugemu.arch.arm64.psci;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the emulated firmware is built with: its conduit, the MPIDRs of the cores it manages (the
 * boot core first and already ON), cores it keeps disabled (CPU_ON is DENIED), the core a trusted OS
 * lives on (-1: none), how long CPU_OFF takes to reach OFF, and the RAM a valid entry point lies in.
 * Experimental.
 */
public record PsciFirmwareConfig(
        PsciConduit conduit,
        List<Long> mpidrs,
        Set<Long> disabled,
        long tosResidentMpidr,
        Duration cpuOffLatency,
        long ramBase,
        long ramSize) {
    /** qemu virt's RAM base; the default RAM is 1 GiB. */
    public static final long DEFAULT_RAM_BASE = 0x40000000L;
    public static final long DEFAULT_RAM_SIZE = 0x40000000L;

    public PsciFirmwareConfig {
        requireNonNull(conduit, "conduit is null");
        mpidrs = List.copyOf(requireNonNull(mpidrs, "mpidrs is null"));
        disabled = Set.copyOf(requireNonNull(disabled, "disabled is null"));
        requireNonNull(cpuOffLatency, "cpuOffLatency is null");
        if (mpidrs.isEmpty()) {
            throw new IllegalArgumentException("the firmware needs at least the boot core");
        }
    }

    /** Returns the boot core's MPIDR: the first one. */
    public long bootMpidr() {
        return mpidrs.get(0);
    }
}
