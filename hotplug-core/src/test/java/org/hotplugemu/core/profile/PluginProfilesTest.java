package org.hotplugemu.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;

/** An architecture plugin ships its own state tables in its jar (issue 14 item 5). */
class PluginProfilesTest {
    private static final String SHIPPED = "linux-6.1-testing";

    @Test
    void aPluginsDefaultProfileComesFromItsJar() {
        TestingArchitectureProvider provider = new TestingArchitectureProvider().shipping(SHIPPED)
                .configure(arch -> arch.defaultProfileName = SHIPPED);
        try (Machine machine = new MachineBuilder().architecture(provider).cpus(3).build()) {
            machine.boot();
            assertThat(provider.last().waitsAskedFor).isEqualTo(SHIPPED + " 6.1");
            assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-2\n");
            machine.write("/sys/devices/system/cpu/cpu2/online", "0\n");
            machine.write("/sys/devices/system/cpu/cpu2/online", "1\n");
            assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-2\n");
        }
    }

    @Test
    void loadFindsShippedThenBuiltInProfiles() {
        TestingArchitectureProvider provider = new TestingArchitectureProvider().shipping(SHIPPED);
        assertThat(Profiles.load(SHIPPED, provider).arch()).isEqualTo("testing");
        assertThat(Profiles.load("linux-6.12-arm64", provider).name()).isEqualTo("linux-6.12-arm64");
        assertThat(Profiles.named("linux-6.1-x86_64", new TestingArchitectureProvider()).name()).isEqualTo("linux-6.1-x86_64");
    }

    @Test
    void withoutThePluginTheShippedNameIsUnknown() {
        assertThatThrownBy(() -> Profiles.named(SHIPPED, new TestingArchitectureProvider()))
                .isInstanceOf(HotplugException.class).hasMessageContaining("no built-in profile named \"" + SHIPPED + "\"");
    }

    @Test
    void badShippedProfilesFailClearly() {
        assertError(() -> Profiles.named("linux-6.1-x86_64", new TestingArchitectureProvider().shipping("linux-6.1-x86_64")),
                Errno.EINVAL, "which is a built-in profile's name");
        assertError(() -> Profiles.named("linux-6.1-absent", new TestingArchitectureProvider().shipping("linux-6.1-absent")),
                Errno.EIO, "its jar has no profiles/linux-6.1-absent.json");
        assertError(() -> Profiles.named("linux-6.1-misnamed", new TestingArchitectureProvider().shipping("linux-6.1-misnamed")),
                Errno.EINVAL, "is named \"linux-6.1-other\"");
        assertError(() -> Profiles.named("linux-6.1-nowhere", new TestingArchitectureProvider().shipping(SHIPPED)),
                Errno.EINVAL, "from the testing plugin: " + SHIPPED);
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Errno errno, String message) {
        assertThatThrownBy(call).isInstanceOf(HotplugException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((HotplugException) e).errno()).isEqualTo(errno));
    }
}
