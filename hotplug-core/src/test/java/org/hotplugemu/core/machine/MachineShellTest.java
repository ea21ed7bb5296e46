package org.hotplugemu.core.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;

/**
 * Inside {@link Machine#execute} the machine's own operations run on the calling emulated thread,
 * as one shell process runs its builtins or {@code torture_onoff} its loop: no thread per write.
 */
class MachineShellTest {
    private static final String CPU1 = "/sys/devices/system/cpu/cpu1/online";

    @Test
    void oneEmulatedThreadTakesACpuOfflineAndOnlineAgainThroughItsFiles() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).build()) {
            machine.boot();

            String seen = machine.execute("torture_onoff", 0, () -> {
                machine.write(CPU1, "0\n");
                String offline = machine.read("/sys/devices/system/cpu/online");
                machine.write(CPU1, "1\n");
                return offline + machine.read("/sys/devices/system/cpu/online");
            });

            assertThat(seen).isEqualTo("0,2-3\n0-3\n");
            assertThat(machine.read("/sys/devices/system/cpu/cpu1/hotplug/state")).isEqualTo("236\n");
        }
    }

    @Test
    void theSameThreadCanUseTheControlAndSleepInEngineTime() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).build()) {
            machine.boot();

            long slept = machine.execute("sh", 0, () -> {
                machine.control().cpuDown(2, 0);
                long before = machine.nanoTime();
                machine.sleep(Duration.ofMillis(5));
                long after = machine.nanoTime();
                machine.control().cpuUp(2, machine.control().state(1));
                return after - before;
            });

            assertThat(slept).isGreaterThanOrEqualTo(Duration.ofMillis(5).toNanos());
            assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-3\n");
        }
    }

    @Test
    void aShellRunsItsBodyOnOneEmulatedShThreadFromOutsideAndOnTheCallerInside() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).build()) {
            machine.boot();

            // From outside: one new emulated thread, named as a shell is, for all the reads and writes in the body.
            String states = machine.shell(() -> {
                StringBuilder read = new StringBuilder();
                for (int cpu = 0; cpu < 4; cpu++) {
                    read.append(machine.read("/sys/devices/system/cpu/cpu" + cpu + "/hotplug/state").strip()).append(' ');
                }
                assertThatThrownBy(() -> machine.execute("nested", 0, () -> null)).isInstanceOf(HotplugException.class)
                        .hasMessageContaining("emulated thread 'sh'");
                return read.toString();
            });
            assertThat(states).isEqualTo("236 236 236 236 ");

            // Inside execute: the calling thread itself.
            boolean sameThread = machine.execute("checker", 0, () -> {
                Thread caller = Thread.currentThread();
                return machine.shell(() -> Thread.currentThread() == caller);
            });
            assertThat(sameThread).isTrue();
        }
    }
}
