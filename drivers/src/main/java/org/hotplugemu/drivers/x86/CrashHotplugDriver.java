package org.hotplugemu.drivers.x86;

import java.util.Set;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.drivers.support.Registrar;

/**
 * Models kexec crash hotplug (kernel/crash_core.c, {@code CONFIG_CRASH_HOTPLUG}, 6.5+): a dynamic
 * PREPARE state {@code crash/cpuhp} registered without calls after SMP bring-up. Its callbacks only
 * mark the crash image for an update, so nothing per-CPU is accounted. Kernels of that age are told
 * apart by their table, which has {@code CPUHP_BP_KICK_AP} (6.5+).
 *
 * <p>Experimental.
 */
public final class CrashHotplugDriver implements HotplugDriver {
    private int state = -1;

    @Override
    public String name() {
        return "crash_hotplug";
    }

    @Override
    public int order() {
        return 355;
    }

    @Override
    public Set<String> architectures() {
        return Set.of("x86");
    }

    @Override
    public void register(DriverContext context) {
        Registrar registrar = new Registrar(context);
        if (!registrar.exists("CPUHP_BP_KICK_AP")) {
            return;
        }
        state = registrar.single("CPUHP_BP_PREPARE_DYN", "crash/cpuhp", "crash_cpuhp_online", cpu -> { },
                "crash_cpuhp_offline", cpu -> { }, false);
    }

    @Override
    public void unregister(DriverContext context) {
        if (state > 0) {
            context.hotplug().removeState(state);
            state = -1;
        }
    }
}
