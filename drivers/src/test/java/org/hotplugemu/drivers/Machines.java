package org.hotplugemu.drivers;

import org.hotplugemu.core.driver.MachineDrivers;
import java.util.List;
import java.util.Set;
import org.hotplugemu.api.driver.ForwardingHotplugDriver;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.profile.Profiles;
import org.hotplugemu.core.testing.TestingArchitectureProvider;

/** Builds machines on the core's testing backend with the stock drivers of a real architecture. */
final class Machines {
    private Machines() {
    }

    /**
     * A booted machine with the 6.1 profile of {@code architecture} and its stock drivers; the
     * testing backend is named "testing", so the drivers are presented as architecture-neutral.
     */
    static Machine booted(String architecture, int cpus, long seed, String commandLine, List<? extends HotplugDriver> extra) {
        String profile = architecture.equals("x86") ? "linux-6.1-x86_64" : "linux-6.1-arm64";
        List<HotplugDriver> drivers = new java.util.ArrayList<>(MachineDrivers.createEach(stockProviders(), architecture).stream()
                .map(Machines::everywhere).toList());
        drivers.addAll(extra);
        Machine machine = new MachineBuilder()
                .architecture(new TestingArchitectureProvider())
                .profile(Profiles.builtIn(profile))
                .cpus(cpus)
                .seed(seed)
                .commandLine(commandLine)
                .drivers(drivers)
                .build();
        machine.boot();
        return machine;
    }

    /**
     * The providers of the stock drivers, found with ServiceLoader like the distribution finds them
     * (the test class path also holds the third-party example's, which these tests add by hand).
     */
    static List<HotplugDriverProvider> stockProviders() {
        return MachineDrivers.installed().stream()
                .filter(provider -> provider.getClass().getPackageName().startsWith("org.hotplugemu.drivers"))
                .toList();
    }

    private static HotplugDriver everywhere(HotplugDriver driver) {
        return new ForwardingHotplugDriver(driver) {
            @Override
            public Set<String> architectures() {
                return Set.of();
            }
        };
    }
}
