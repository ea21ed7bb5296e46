package org.hotplugemu.arch.x86;

import com.google.auto.service.AutoService;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.ArchitectureProvider;

/**
 * The x86 plugin's entry point, found by {@link java.util.ServiceLoader} under the name {@code x86}.
 * A new architecture copies this shape: a public no-argument provider annotated with
 * {@code @AutoService(ArchitectureProvider.class)} that builds one backend per machine.
 *
 * <p>Experimental.
 */
@AutoService(ArchitectureProvider.class)
public final class X86ArchitectureProvider implements ArchitectureProvider {
    @Override
    public String name() {
        return X86Architecture.NAME;
    }

    @Override
    public String description() {
        return "x86-64: local APIC INIT-SIPI-SIPI bringup, parallel bringup, mwait play_dead";
    }

    @Override
    public Architecture create(ArchContext context) {
        return new X86Architecture(context, X86CostModel.defaults());
    }
}
