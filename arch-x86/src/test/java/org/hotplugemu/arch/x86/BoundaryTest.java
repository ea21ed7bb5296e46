package org.hotplugemu.arch.x86;

import org.hotplugemu.core.testing.PluginBoundary;
import org.junit.jupiter.api.Test;

class BoundaryTest {
    @Test
    void backendDependsOnTheArchitectureSpiOnlyNeverOnTheCore() {
        PluginBoundary.checkStaysOffTheEmulator("org.hotplugemu.arch.x86",
                "an architecture plugin compiles against arch-spi and hotplug-api alone");
    }
}
