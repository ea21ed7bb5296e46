package org.hotplugemu.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotplugemu.core.testing.TestingMachines.CPU;
import static org.hotplugemu.core.testing.TestingMachines.assertWriteFails;
import static org.hotplugemu.core.testing.TestingMachines.state;

import java.time.Duration;
import org.hotplugemu.arch.spi.BringupWaits;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.profile.Profiles;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backend owns its alive wait (issue 14 item 5): the core waits as long as the backend says and
 * logs the backend's message, and refuses an AP that reports alive after the wait gave up.
 */
class BringupWaitsSpecTest {
    private static final String RISCV_ALIVE = "CPU%u: failed to come online";
    private static final Duration RISCV_WAIT = Duration.ofMillis(1000);

    private static Machine machine(String engine, TestingArchitectureProvider provider, boolean parallel) {
        MachineBuilder builder = new MachineBuilder().architecture(provider).cpus(3).engine(engine).commandLine("emu.callback_cost_ns=1000");
        if (parallel) {
            builder.profile(Profiles.builtIn("linux-6.12-x86_64"));
        }
        Machine machine = builder.build();
        machine.boot();
        return machine;
    }

    private static void assertInvariantsClean(Machine machine) {
        assertThat(machine.read("/sys/kernel/debug/hotplug-emu/invariants")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void theCoreWaitsForAliveAsLongAsTheBackendSaysAndLogsItsMessage(String engine) {
        TestingArchitectureProvider provider = new TestingArchitectureProvider()
                .configure(arch -> arch.waits = BringupWaits.KERNEL.withAlive(RISCV_WAIT, RISCV_ALIVE));
        try (Machine machine = machine(engine, provider, false)) {
            assertThat(provider.last().waitsAskedFor).isEqualTo("linux-6.1-x86_64 6.1");
            machine.write(CPU + "/cpu2/online", "0\n");
            provider.last().neverAlive.add(2);
            long before = machine.nanoTime();
            assertWriteFails(machine, CPU + "/cpu2/online", "1\n", Errno.EIO);
            long waited = machine.nanoTime() - before;
            assertThat(waited).isGreaterThanOrEqualTo(RISCV_WAIT.toNanos());
            if (engine.equals("sim")) {
                assertThat(waited).isLessThan(RISCV_WAIT.toNanos() + 1_000_000L);
            }
            else {
                assertThat(waited).isLessThan(Duration.ofSeconds(8).toNanos());
            }
            assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("] CPU2: failed to come online"));
            assertThat(machine.dmesg()).noneMatch(line -> line.contains("failed to report alive state"));
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
            provider.last().neverAlive.clear();
            machine.write(CPU + "/cpu2/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void anApReportingAliveAfterTheCoreGaveUpStaysOfflineAndTheNextOnlineWorks(String engine) {
        TestingArchitectureProvider provider = new TestingArchitectureProvider()
                .configure(arch -> arch.waits = BringupWaits.KERNEL.withAlive(Duration.ofMillis(200), RISCV_ALIVE));
        try (Machine machine = machine(engine, provider, false)) {
            machine.write(CPU + "/cpu2/online", "0\n");
            provider.last().lateBy.put(2, Duration.ofMillis(400));
            assertWriteFails(machine, CPU + "/cpu2/online", "1\n", Errno.EIO);
            // Let the late AP run its online(): it must be refused.
            machine.sleep(Duration.ofMillis(600));
            assertLateApRefused(machine);
            provider.last().lateBy.clear();
            machine.write(CPU + "/cpu2/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
            machine.write(CPU + "/cpu2/online", "0\n");
            machine.write(CPU + "/cpu2/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
            assertInvariantsClean(machine);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void anApReportingAliveAfterItsBackendGaveUpStaysOffline(String engine) {
        // The backend times the AP out itself and throws: the core must refuse that kick's online().
        TestingArchitectureProvider provider = new TestingArchitectureProvider();
        try (Machine machine = machine(engine, provider, false)) {
            machine.write(CPU + "/cpu2/online", "0\n");
            provider.last().lateBy.put(2, Duration.ofMillis(400));
            provider.last().ownAliveWait.put(2, Duration.ofMillis(200));
            assertWriteFails(machine, CPU + "/cpu2/online", "1\n", Errno.EIO);
            machine.sleep(Duration.ofMillis(600));
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
            assertThat(state(machine, 2)).isZero();
            assertInvariantsClean(machine);
            provider.last().lateBy.clear();
            provider.last().ownAliveWait.clear();
            machine.write(CPU + "/cpu2/online", "1\n");
            machine.write(CPU + "/cpu2/online", "0\n");
            machine.write(CPU + "/cpu2/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
            assertInvariantsClean(machine);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void parallelBringupRefusesALateApToo(String engine) {
        TestingArchitectureProvider provider = new TestingArchitectureProvider(true)
                .configure(arch -> arch.waits = BringupWaits.KERNEL.withAlive(Duration.ofMillis(200), RISCV_ALIVE));
        try (Machine machine = machine(engine, provider, true)) {
            machine.write(CPU + "/cpu2/online", "0\n");
            provider.last().lateBy.put(2, Duration.ofMillis(400));
            assertWriteFails(machine, CPU + "/cpu2/online", "1\n", Errno.EIO);
            machine.sleep(Duration.ofMillis(600));
            assertLateApRefused(machine);
            provider.last().lateBy.clear();
            machine.write(CPU + "/cpu2/online", "1\n");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0-2\n");
            assertInvariantsClean(machine);
        }
    }

    private static void assertLateApRefused(Machine machine) {
        assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
        assertThat(state(machine, 2)).isZero();
        assertThat(machine.dmesg()).filteredOn(line -> line.endsWith("] CPU2: failed to come online")).hasSize(1);
        assertInvariantsClean(machine);
    }
}
