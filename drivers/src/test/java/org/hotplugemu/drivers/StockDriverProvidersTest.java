package org.hotplugemu.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.core.driver.MachineDrivers;
import org.junit.jupiter.api.Test;

/** The stock drivers are found through their providers alone, and each provider describes its driver truly. */
class StockDriverProvidersTest {
    private final List<HotplugDriverProvider> providers = Machines.stockProviders();

    @Test
    void serviceLoaderFindsEveryStockDriverProviderInRegistrationOrder() {
        assertThat(providers).hasSize(53);
        assertThat(providers).extracting(HotplugDriverProvider::name).doesNotHaveDuplicates()
                .startsWith("perf", "x86_cachectrl", "workqueue").endsWith("printk", "load");
        assertThat(providers).isSortedAccordingTo(HotplugDriverProvider.REGISTRATION_ORDER);
    }

    @Test
    void eachProviderCreatesANewDriverWithItsOwnNameOrderAndArchitectures() {
        for (HotplugDriverProvider provider : providers) {
            HotplugDriver first = provider.create();
            HotplugDriver second = provider.create();

            assertThat(first).as(provider.name()).isNotSameAs(second);
            assertThat(first.name()).isEqualTo(provider.name());
            assertThat(first.order()).as(provider.name()).isEqualTo(provider.order());
            assertThat(first.architectures()).as(provider.name()).isEqualTo(provider.architectures());
        }
    }

    @Test
    void serviceLoaderFindsTheThirdPartyExampleAfterTheStockOnes() {
        assertThat(MachineDrivers.installed()).last().extracting(HotplugDriverProvider::name).isEqualTo("example-packet-cache");
    }

    @Test
    void noDriverIsDeclaredAsAServiceItself() {
        assertThat(getClass().getClassLoader().getResource("META-INF/services/" + HotplugDriver.class.getName())).isNull();
    }
}
