package org.hotplugemu.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotplugemu.core.testing.TestingMachines.CPU;

import java.time.Duration;
import java.util.stream.LongStream;
import org.hotplugemu.arch.spi.BringupWaits;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dying CPU's last action is ordered against the control CPU's death check when the backend
 * reports dead from {@code play_dead} (issue 14 item 5), and the core waits for that report as
 * long as the backend's dead wait says.
 */
class DeadReportSpecTest {
    private static final String WARNING = "CPU1 may not have stopped";

    private static Machine machine(String engine, long seed, TestingArchitectureProvider provider) {
        Machine machine = new MachineBuilder().architecture(provider).cpus(2).engine(engine).seed(seed)
                .commandLine("emu.sched=jitter emu.callback_cost_ns=1000").build();
        machine.boot();
        return machine;
    }

    private static long warningsOver50Seeds(boolean reportsDead) {
        return LongStream.rangeClosed(1, 50).filter(seed -> {
            TestingArchitectureProvider provider = new TestingArchitectureProvider().configure(arch -> {
                arch.firmwareStop = true;
                arch.reportsDead = reportsDead;
            });
            try (Machine machine = machine("sim", seed, provider)) {
                machine.write(CPU + "/cpu1/online", "0\n");
                assertThat(machine.read(CPU + "/online")).isEqualTo("0\n");
                machine.write(CPU + "/cpu1/online", "1\n");
                assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
                return machine.dmesg().stream().anyMatch(line -> line.contains(WARNING));
            }
        }).count();
    }

    @Test
    void aBackendReportingDeadFromPlayDeadNeverWarnsAcross50JitteredSeeds() {
        assertThat(warningsOver50Seeds(true)).isZero();
    }

    @Test
    void withoutTheReportTheOneShotCheckRacesTheStop() {
        // The race the report closes: cpu_die runs as soon as the CPU went idle-dead.
        assertThat(warningsOver50Seeds(false)).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void aReportLaterThanTheBackendsDeadWaitIsLoggedWithItsMessage(String engine) {
        Duration deadWait = Duration.ofMillis(300);
        TestingArchitectureProvider provider = new TestingArchitectureProvider().configure(arch -> {
            arch.firmwareStop = true;
            arch.reportsDead = true;
            arch.waits = BringupWaits.KERNEL.withDead(deadWait, "CPU %u: didn't die");
        });
        try (Machine machine = machine(engine, 1, provider)) {
            provider.last().hartStopCost = Duration.ofMillis(600);
            long before = machine.nanoTime();
            machine.write(CPU + "/cpu1/online", "0\n");
            long waited = machine.nanoTime() - before;
            assertThat(waited).isGreaterThanOrEqualTo(deadWait.toNanos());
            assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("] CPU 1: didn't die"));
            assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("testing: CPU 1 did not die"));
            assertThat(machine.read(CPU + "/online")).isEqualTo("0\n");
            // Once the hart stopped, the CPU comes back and goes again without complaint.
            machine.sleep(Duration.ofMillis(400));
            provider.last().hartStopCost = Duration.ofMillis(1);
            machine.write(CPU + "/cpu1/online", "1\n");
            machine.write(CPU + "/cpu1/online", "0\n");
            assertThat(machine.dmesg()).filteredOn(line -> line.endsWith("] CPU 1: didn't die")).hasSize(1);
            assertThat(machine.read("/sys/kernel/debug/hotplug-emu/invariants")).isEmpty();
        }
    }
}
