package org.hotplugemu.api.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardingHotplugDriverTest {
    private static final DriverContext MACHINE = (DriverContext) Proxy.newProxyInstance(DriverContext.class.getClassLoader(),
            new Class<?>[] {DriverContext.class}, (proxy, method, args) -> method.getName().equals("toString") ? "machine" : null);

    /** Records which context each call got. */
    private static final class Driver implements HotplugDriver {
        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "d";
        }

        @Override
        public int order() {
            return 7;
        }

        @Override
        public Set<String> architectures() {
            return Set.of("x86");
        }

        @Override
        public void register(DriverContext context) {
            calls.add("register " + context);
        }

        @Override
        public void unregister(DriverContext context) {
            calls.add("unregister " + context);
        }
    }

    @Test
    void nameOrderAndArchitecturesAreTheDelegatesAndItGetsTheMachinesContextByDefault() {
        Driver driver = new Driver();
        ForwardingHotplugDriver forwarding = new ForwardingHotplugDriver(driver) {
        };

        forwarding.register(MACHINE);
        forwarding.unregister(MACHINE);

        assertThat(forwarding.name()).isEqualTo("d");
        assertThat(forwarding.order()).isEqualTo(7);
        assertThat(forwarding.appliesTo("x86")).isTrue();
        assertThat(forwarding.appliesTo("arm64")).isFalse();
        assertThat(forwarding.delegate()).isSameAs(driver);
        assertThat(driver.calls).containsExactly("register machine", "unregister machine");
    }

    @Test
    void registerAndUnregisterRunWithTheContextTheWrapperMakes() {
        Driver driver = new Driver();
        ForwardingHotplugDriver forwarding = new ForwardingHotplugDriver(driver) {
            @Override
            protected DriverContext context(DriverContext machine) {
                return new ForwardingDriverContext(machine) {
                    @Override
                    public String toString() {
                        return "wrapped " + delegate();
                    }
                };
            }
        };

        forwarding.register(MACHINE);
        forwarding.unregister(MACHINE);

        assertThat(driver.calls).containsExactly("register wrapped machine", "unregister wrapped machine");
    }
}
