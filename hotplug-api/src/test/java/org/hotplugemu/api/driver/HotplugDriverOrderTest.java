package org.hotplugemu.api.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HotplugDriverOrderTest {
    private record Named(String name, int order, Set<String> architectures) implements HotplugDriver {
        @Override
        public void register(DriverContext context) {
        }
    }

    @Test
    void registrationOrderIsOrderThenName() {
        Named late = new Named("aaa", 20, Set.of());
        Named b = new Named("b", 10, Set.of());
        Named a = new Named("a", 10, Set.of());
        assertThat(List.of(late, b, a).stream().sorted(HotplugDriver.REGISTRATION_ORDER).map(HotplugDriver::name))
                .containsExactly("a", "b", "aaa");
    }

    @Test
    void thirdPartyDriversComeAfterStockOnes() {
        HotplugDriver plugin = new HotplugDriver() {
            @Override
            public String name() {
                return "plugin";
            }

            @Override
            public void register(DriverContext context) {
            }
        };
        assertThat(HotplugDriver.REGISTRATION_ORDER.compare(new Named("zzz", 9_990, Set.of()), new Named("a", 10_000, Set.of())))
                .isNegative();
        assertThat(HotplugDriver.REGISTRATION_ORDER.compare(new Named("zzz", 9_990, Set.of()), plugin)).isNegative();
        assertThat(plugin.appliesTo("x86")).isTrue();
    }

    @Test
    void appliesToTheArchitecturesItNamesOrToAllWhenNone() {
        assertThat(new Named("any", 0, Set.of()).appliesTo("arm64")).isTrue();
        assertThat(new Named("x86only", 0, Set.of("x86")).appliesTo("x86")).isTrue();
        assertThat(new Named("x86only", 0, Set.of("x86")).appliesTo("arm64")).isFalse();
        assertThat(new Named("both", 0, Set.of("x86", "arm64")).appliesTo("arm64")).isTrue();
    }
}
