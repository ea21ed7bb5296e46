package org.hotplugemu.core.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;

/** Each machine gets its own injector, and what a provider or constructor throws reaches the caller as thrown. */
class MachineInjectorTest {
    private static MachineBuilder builder() {
        return new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(2);
    }

    @Test
    void anErrorFromTheEngineProviderKeepsItsTypeAndMessage() {
        assertThatThrownBy(() -> builder().commandLine("emu.time_scale=0").build())
                .isExactlyInstanceOf(HotplugException.class)
                .hasMessage("kernel parameter emu.time_scale=0 is not a positive number")
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        assertThatThrownBy(() -> builder().engine("quantum").build())
                .isExactlyInstanceOf(HotplugException.class)
                .hasMessageStartingWith("unknown engine 'quantum'");
    }

    @Test
    void anErrorFromTheMachineConstructorKeepsItsTypeAndMessage() {
        assertThatThrownBy(() -> builder().commandLine("trace_buf_size=lots").build())
                .isExactlyInstanceOf(HotplugException.class)
                .hasMessage("kernel parameter trace_buf_size=lots is not a size (e.g. 8M)");
    }

    @Test
    void whatAnArchitecturePluginThrowsIsNotWrappedByGuice() {
        ArchitectureProvider failing = new ArchitectureProvider() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public String description() {
                return "throws from create()";
            }

            @Override
            public Architecture create(ArchContext context) {
                throw new IllegalStateException("firmware table missing");
            }
        };
        assertThatThrownBy(() -> new MachineBuilder().architecture(failing).cpus(2).build())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("firmware table missing");
    }

    @Test
    void twoMachinesFromOneBuilderShareNoCollaborator() {
        MachineBuilder builder = builder();
        try (Machine a = builder.build(); Machine b = builder.build()) {
            assertThat(a.tracing()).isNotSameAs(b.tracing());
            assertThat(a.systemDevices()).isNotSameAs(b.systemDevices());
            a.boot();
            b.boot();
            a.write("/sys/devices/system/cpu/cpu1/online", "0");
            assertThat(a.read("/sys/devices/system/cpu/online")).isEqualTo("0\n");
            assertThat(b.read("/sys/devices/system/cpu/online")).isEqualTo("0-1\n");
        }
    }
}
