package ${package};

import com.google.auto.service.AutoService;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.ArchitectureProvider;

/**
 * The {@value #NAME} architecture plugin: found by the emulator through {@code ServiceLoader}
 * (the {@code @AutoService} processor writes {@code META-INF/services}), chosen with
 * {@code --arch ${archName}}.
 */
@AutoService(ArchitectureProvider.class)
public final class MailboxArchitectureProvider implements ArchitectureProvider {
    /** The name {@code --arch} and the testkit's {@code @EmulatedMachineTest(arch = ...)} use. */
    public static final String NAME = "${archName}";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return NAME + ": a mailbox write wakes a CPU, a power-status register confirms it died";
    }

    @Override
    public Architecture create(ArchContext context) {
        return new MailboxArchitecture(NAME, context);
    }
}
