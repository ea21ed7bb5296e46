package org.hotplugemu.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hotplug.PacketCacheDriver;
import java.util.List;
import java.util.ServiceLoader;
import org.hotplugemu.core.api.HotplugDriver;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.api.Test;

class ThirdPartyDriverExampleTest {
    @Test
    void exampleDriverIsFoundByServiceLoaderAndTakesTheNextDynamicSlot() {
        assertThat(ServiceLoader.load(HotplugDriver.class).stream().map(ServiceLoader.Provider::type))
                .contains(PacketCacheDriver.class);

        try (Machine machine = Machines.booted("x86", 4, 3, "", List.of(new PacketCacheDriver()))) {
            machine.write("/sys/devices/system/cpu/cpu3/online", "0\n");

            assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).contains("211: example/packet_cache:online\n");
            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }
}
