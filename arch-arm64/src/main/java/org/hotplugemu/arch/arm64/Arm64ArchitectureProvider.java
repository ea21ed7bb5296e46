package org.hotplugemu.arch.arm64;

import com.google.auto.service.AutoService;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.ArchitectureProvider;

/**
 * The arm64 plugin: PSCI 1.1 firmware and MPIDR topology, Linux 6.1's psci and spin-table enable
 * methods. Experimental.
 */
@AutoService(ArchitectureProvider.class)
public final class Arm64ArchitectureProvider implements ArchitectureProvider {
    public static final String NAME = "arm64";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "arm64: PSCI 1.1 firmware (CPU_ON/CPU_OFF/AFFINITY_INFO), MPIDR topology, spin-table";
    }

    @Override
    public Architecture create(ArchContext context) {
        return new Arm64Architecture(context);
    }
}
