package org.hotplugemu.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.profile.Profiles;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;

/**
 * A dynamic registration the boot plan holds back lands in the slot its driver was told, even when
 * registrations the plan lists before it never come (a plugin architecture gets no x86-only
 * drivers): the promise used to be checked against the lowest free slot and the boot failed.
 */
class BootSlotPromiseTest {
    /** Registers only printk:online, which the 6.12 x86 reference boot put in slot 201 after earlier dynamic states. */
    private static final class PrintkOnly implements HotplugDriver {
        final AtomicInteger told = new AtomicInteger(-1);

        @Override
        public String name() {
            return "printk-only";
        }

        @Override
        public void register(DriverContext context) {
            told.set(context.hotplug().setupState(context.hotplug().state("CPUHP_AP_ONLINE_DYN"), "printk:online",
                    Callback.of("console_cpu_notify", cpu -> { }), null));
        }
    }

    @Test
    void aPlannedDynamicStateGetsItsPromisedSlotWhenEarlierPlannedOnesAreMissing() {
        PrintkOnly driver = new PrintkOnly();
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(2)
                .profile(Profiles.builtIn("linux-6.12-x86_64")).drivers(List.of(driver)).build()) {
            machine.boot();

            assertThat(driver.told.get()).isEqualTo(201);
            assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).contains("201: printk:online\n");
            machine.write("/sys/devices/system/cpu/cpu1/online", "0\n");
            machine.write("/sys/devices/system/cpu/cpu1/online", "1\n");
            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }
}
