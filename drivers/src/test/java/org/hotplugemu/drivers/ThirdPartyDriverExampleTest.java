package org.hotplugemu.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hotplug.PacketCacheDriver;
import com.example.hotplug.PacketCacheDriverProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.api.Test;

class ThirdPartyDriverExampleTest {
    @Test
    void exampleDriverIsFoundByServiceLoaderAndTakesTheNextDynamicSlot() {
        assertThat(ServiceLoader.load(HotplugDriverProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(PacketCacheDriverProvider.class);

        try (Machine machine = Machines.booted("x86", 4, 3, "", List.of(new PacketCacheDriverProvider().create()))) {
            machine.write("/sys/devices/system/cpu/cpu3/online", "0\n");

            assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).contains("211: example/packet_cache:online\n");
            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }

    @Test
    void readmeTestScenarioLoadedAfterBootRollsBackAnInjectedTeardownFailureSymmetrically() {
        try (Machine machine = Machines.booted("x86", 8, 42, "", List.of())) {
            machine.control().loadDriver(new PacketCacheDriver());
            machine.write("/sys/devices/system/cpu/cpu3/hotplug/fail", "211\n");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> machine.write("/sys/devices/system/cpu/cpu3/online", "0\n"))
                    .hasFieldOrPropertyWithValue("errno", org.hotplugemu.api.kernel.Errno.EAGAIN);
            assertThat(machine.read("/sys/devices/system/cpu/cpu3/hotplug/state")).isEqualTo("236\n");
            assertThat(machine.control().checkInvariants()).isEmpty();
            machine.control().unloadDriver("example-packet-cache");
            assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).doesNotContain("packet_cache");
        }
    }
}
