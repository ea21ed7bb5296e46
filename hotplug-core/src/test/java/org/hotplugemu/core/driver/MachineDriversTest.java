package org.hotplugemu.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;

class MachineDriversTest {
    private final List<String> registered = new ArrayList<>();

    private HotplugDriver driver(String name, int order) {
        return new HotplugDriver() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public void register(DriverContext context) {
                registered.add(name);
            }
        };
    }

    private static HotplugDriverProvider provider(String name, int order, Set<String> architectures, Supplier<HotplugDriver> create) {
        return new HotplugDriverProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Set<String> architectures() {
                return architectures;
            }

            @Override
            public HotplugDriver create() {
                return create.get();
            }
        };
    }

    @Test
    void everyMachineGetsNewDriversInTheProvidersOrderMergedWithDirectOnes() {
        // The created driver says order 1, its provider 300: the provider decides.
        HotplugDriverProvider late = provider("late", 300, Set.of(), () -> driver("late", 1));
        HotplugDriverProvider early = provider("early", 100, Set.of(), () -> driver("early", 100));
        HotplugDriverProvider elsewhere = provider("elsewhere", 150, Set.of("arm64"), () -> {
            throw new AssertionError("created for an architecture it does not apply to");
        });
        List<HotplugDriverProvider> providers = List.of(late, early, elsewhere);

        List<HotplugDriver> first = MachineDrivers.create(providers, List.of(driver("direct", 200)), "x86");
        List<HotplugDriver> second = MachineDrivers.create(providers, List.of(), "x86");

        assertThat(first).extracting(HotplugDriver::name).containsExactly("early", "direct", "late");
        assertThat(second).extracting(HotplugDriver::name).containsExactly("early", "late");
        assertThat(second.get(0)).isNotSameAs(first.get(0));
    }

    @Test
    void driversHandedOverAsObjectsKeepTheirProvidersOrder() {
        HotplugDriverProvider late = provider("late", 300, Set.of("x86"), () -> driver("late", 1));
        HotplugDriverProvider early = provider("early", 100, Set.of(), () -> driver("early", 100));

        List<HotplugDriver> drivers = MachineDrivers.createEach(List.of(late, early), "x86");

        assertThat(drivers).extracting(HotplugDriver::name).containsExactly("early", "late");
        assertThat(drivers).extracting(HotplugDriver::order).containsExactly(100, 300);
        assertThat(drivers.get(1).architectures()).containsExactly("x86");
        assertThat(MachineDrivers.create(List.of(), drivers, "x86")).extracting(HotplugDriver::name).containsExactly("early", "late");
    }

    @Test
    void oneBuilderBuildsMachinesWithDriversOfTheirOwn() {
        List<HotplugDriver> created = new ArrayList<>();
        HotplugDriverProvider counting = provider("counting", 10_000, Set.of(), () -> {
            HotplugDriver driver = driver("counting", 0);
            created.add(driver);
            return driver;
        });
        MachineBuilder builder = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(2)
                .driverProviders(List.of(counting));

        try (Machine a = builder.build(); Machine b = builder.build()) {
            a.boot();
            b.boot();
        }

        assertThat(created).hasSize(2).doesNotHaveDuplicates();
        assertThat(registered).containsExactly("counting", "counting");
    }

    @Test
    void aProvidersDriverMustCarryItsName() {
        HotplugDriverProvider liar = provider("honest", 1, Set.of(), () -> driver("other", 1));

        assertThatThrownBy(() -> MachineDrivers.create(List.of(liar), List.of(), "x86"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("driver provider honest").hasMessageContaining("created a driver named 'other'");
    }

    @Test
    void aCreateThatThrowsOrReturnsNullNamesTheProvider() {
        HotplugDriverProvider broken = provider("broken", 1, Set.of(), () -> {
            throw new IllegalStateException("no config");
        });
        HotplugDriverProvider empty = provider("empty", 1, Set.of(), () -> null);
        HotplugDriverProvider refusing = provider("refusing", 1, Set.of(), () -> {
            throw new HotplugException(Errno.ENODEV, "no such device");
        });

        assertThatThrownBy(() -> MachineDrivers.create(List.of(broken), List.of(), "x86"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EIO))
                .hasMessageContaining("driver provider broken").hasMessageContaining("IllegalStateException: no config");
        assertThatThrownBy(() -> MachineDrivers.create(List.of(empty), List.of(), "x86"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("driver provider empty").hasMessageContaining("created no driver");
        assertThatThrownBy(() -> MachineDrivers.create(List.of(refusing), List.of(), "x86"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessage("driver provider refusing failed to create its driver: no such device");
    }

    @Test
    void aBuildWhoseProviderFailsIsAStartupProblem() {
        HotplugDriverProvider broken = provider("broken", 1, Set.of(), () -> {
            throw new IllegalStateException("no config");
        });

        assertThatThrownBy(() -> new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(2)
                .driverProviders(List.of(broken)).build())
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EIO))
                .hasMessageContaining("driver provider broken");
    }

    @Test
    void aDriverWhoseRegisterFailsLeavesNoServiceBehind() {
        DriverContext[] observer = new DriverContext[1];
        HotplugDriver watching = new HotplugDriver() {
            @Override
            public String name() {
                return "observer";
            }

            @Override
            public void register(DriverContext context) {
                observer[0] = context;
            }
        };
        HotplugDriver failing = new HotplugDriver() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void register(DriverContext context) {
                context.services().publish(CharSequence.class, "half done");
                throw new HotplugException(Errno.ENOMEM, "out of memory");
            }
        };
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(2)
                .drivers(List.of(watching)).build()) {
            machine.boot();

            assertThatThrownBy(() -> machine.control().loadDriver(failing)).isInstanceOf(HotplugException.class);

            assertThat(observer[0].services().lookup(CharSequence.class)).isEmpty();
        }
    }
}
