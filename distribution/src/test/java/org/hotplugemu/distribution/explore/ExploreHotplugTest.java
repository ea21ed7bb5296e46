package org.hotplugemu.distribution.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hotplugemu.api.sched.KernelBugException;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.SystemDeviceHandlers;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.shell.Interpreter;
import org.junit.jupiter.api.Test;

/** Issue 16: explore fails every handler of every phase of a hot-add and a hot-remove, and its random sequences eject and insert. */
class ExploreHotplugTest {
    private static ExploreReport explore(MachineSource source, int seeds) {
        return new Campaign(source, 0, new Campaign.Options(seeds, 30, 1, 1, Optional.empty())).run(total -> done -> { });
    }

    /**
     * A plugin whose hot-add handler claims a per-CPU context (a second claim of one CPU is a
     * kernel bug) and gives it back on hot-remove (boot CPUs never had one); with {@code forgetsRollback} its rollback does
     * not give it back, so a CPU whose hot-add was rolled back can never be added again.
     */
    private record ClaimingHandler(boolean forgetsRollback) implements HotplugDriver {
        @Override
        public String name() {
            return "claiming";
        }

        @Override
        public void register(DriverContext context) {
            boolean[] claimed = new boolean[64];
            context.systemDevices().register(SystemDeviceHandlers.Operation.ADD, SystemDeviceHandlers.Phase.EXECUTE, 35, "claiming",
                    (operation, targets, rollback) -> targets.cpus().forEach(cpu -> {
                        if (rollback) {
                            claimed[cpu] = claimed[cpu] && forgetsRollback;
                        } else if (claimed[cpu]) {
                            throw new KernelBugException("BUG: claiming: CPU " + cpu + "'s context claimed twice");
                        } else {
                            claimed[cpu] = true;
                        }
                    }));
            // Given back once the CPU is offline, taken again if a later delete handler fails.
            context.systemDevices().register(SystemDeviceHandlers.Operation.DELETE, SystemDeviceHandlers.Phase.EXECUTE, 25, "claiming",
                    (operation, targets, rollback) -> targets.cpus().forEach(cpu -> claimed[cpu] = rollback));
        }

        @Override
        public void unregister(DriverContext context) {
            context.systemDevices().unregister("claiming");
        }
    }

    @Test
    void everyHandlerOfEveryPhaseFailsInTurnAndRollsBackOnX86() {
        ExploreReport report = explore(TestingSources.stock("x86", 4), 0);

        assertThat(report.failed()).isEmpty();
        // 11 handler points on each of CPUs 1-3 (the boot CPU stays).
        assertThat(report.phases()).containsEntry("hotplug", 33);
        assertThat(report.rollbacks()).containsEntry("sysdev add execute cpu", java.util.Map.of("add: rolled back", 3))
                .containsEntry("sysdev delete execute memory", java.util.Map.of("delete: rolled back", 3))
                .containsEntry("sysdev delete commit acpi_eject", java.util.Map.of("delete: commit error logged", 3));
    }

    @Test
    void arm64HotplugsItsOnlineCapableCpusThroughTheSameSweep() {
        ExploreReport report = explore(TestingSources.stock("arm64", 4), 2);

        assertThat(report.failed()).isEmpty();
        assertThat(report.phases()).containsEntry("hotplug", 33);
    }

    @Test
    void aPluginHandlerIsSweptAndItsCorrectRollbackPasses() {
        ExploreReport report = explore(TestingSources.stock("x86", 4, "", () -> List.of(new ClaimingHandler(false))), 0);

        assertThat(report.failed()).isEmpty();
        assertThat(report.phases()).containsEntry("hotplug", 39);
        assertThat(report.rollbacks()).containsKey("sysdev add execute claiming");
    }

    @Test
    void aPluginHandlerWhoseRollbackForgetsIsCaughtWithAReproducerThatReplays() {
        MachineSource source = TestingSources.stock("x86", 4, "", () -> List.of(new ClaimingHandler(true)));
        ExploreReport report = explore(source, 0);

        assertThat(report.failed()).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.scenario()).matches("hot-add cpu[123] fail .*");
            assertThat(finding.kind()).isEqualTo("broken-machine");
            assertThat(finding.message()).contains("can no longer be hot-added");
        });
        Finding finding = report.failed().get(0);
        assertThat(finding.cpus()).isEqualTo(2);
        assertThat(finding.script()).contains("echo 1 > /sys/kernel/debug/hotplug-emu/sysdev/eject",
                "> /sys/kernel/debug/hotplug-emu/sysdev/fail_handler", "echo 1 > /sys/kernel/debug/hotplug-emu/sysdev/insert");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Machine machine = source.boot(finding.cpus(), finding.seed(), "")) {
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            new Interpreter(machine, print, print).runScript("repro.sh", finding.script().lines().toList());
            machine.write(Cpus.SYSDEV + "insert", "1\n");
            assertThat(Cpus.registered(machine, 1)).isFalse();
            assertThat(String.join("\n", machine.dmesg())).contains("claimed twice");
        }
    }

    @Test
    void randomSequencesEjectAndInsertCpusAndPass() {
        SequenceScenario sequence = SequenceScenario.generate(3, 60, List.of(0, 1, 2, 3), 3, List.of(), true);
        assertThat(sequence.ops()).anyMatch(op -> op.file().equals(Op.EJECT)).anyMatch(op -> op.file().equals(Op.INSERT))
                .noneMatch(op -> op.isSysdev() && op.cpu() == 0);
        try (Machine machine = TestingSources.stock("x86", 4).boot(4, 3, "emu.sched=jitter")) {
            assertThat(sequence.run(machine)).isEmpty();
            assertThat(machine.read(Cpus.CPU + "present")).isEqualTo("0-3\n");
            assertThat(machine.read(Cpus.CPU + "online")).isEqualTo("0-3\n");
        }
        assertThat(sequence.script(4)).contains("echo 1 > /sys/kernel/debug/hotplug-emu/sysdev/insert");
    }
}
