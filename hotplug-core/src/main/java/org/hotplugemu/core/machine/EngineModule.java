package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Duration;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.EngineOptions;
import org.hotplugemu.core.engine.Engines;
import org.hotplugemu.core.engine.SimSchedule;

/** The engine named when the module is created ({@code sim} or {@code threads}), tuned by the kernel command line. */
final class EngineModule implements Module {
    private final String name;

    EngineModule(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public void configure(Binder binder) {
        // the provider methods are the bindings
    }

    @Provides
    @Singleton
    Engine engine(MachineBuilder builder, KernelCommandLine commandLine) {
        Duration hungTask = Duration.ofSeconds(commandLine.getLong("emu.hung_task_timeout_secs", 120));
        double timeScale = timeScale(commandLine);
        Duration softLockup = softLockupThreshold(commandLine);
        long livelock = commandLine.getLong("emu.livelock_switches", EngineOptions.DEFAULT_LIVELOCK_SWITCHES);
        SimSchedule schedule = SimSchedule.parse(commandLine.get("emu.sched").orElse("random"),
                commandLine.getLong("emu.sched_window_us", -1));
        return Engines.create(name, new EngineOptions(builder.seed, hungTask, timeScale, softLockup, livelock, schedule));
    }

    static Duration softLockupThreshold(KernelCommandLine commandLine) {
        return Duration.ofSeconds(commandLine.getLong("emu.softlockup_thresh_secs", EngineOptions.DEFAULT_SOFT_LOCKUP_THRESHOLD.toSeconds()));
    }

    private static double timeScale(KernelCommandLine commandLine) {
        String value = commandLine.get("emu.time_scale").orElse("1.0");
        try {
            double scale = Double.parseDouble(value);
            if (scale > 0 && Double.isFinite(scale)) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new HotplugException(Errno.EINVAL, "kernel parameter emu.time_scale=" + value + " is not a positive number");
    }
}
