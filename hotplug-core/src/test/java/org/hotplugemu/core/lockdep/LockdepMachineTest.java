package org.hotplugemu.core.lockdep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.engine.HangException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;

/**
 * Lockdep on a machine ({@code emu.lockdep=1}): the classic cpuhp lock inversion and a recursive
 * {@code cpus_read_lock}, reported in the kernel's words with both call chains; and the recursive
 * read deadlocking with a queued writer, as in the kernel, with or without lockdep.
 */
class LockdepMachineTest {
    private static final String CPU1_ONLINE = "/sys/devices/system/cpu/cpu1/online";

    private static Machine booted(String commandLine, HotplugDriver... drivers) {
        Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).commandLine(commandLine)
                .drivers(List.of(drivers)).build();
        machine.boot();
        return machine;
    }

    /** The log without time stamps. */
    private static List<String> log(Machine machine) {
        return machine.dmesg().stream().map(line -> line.substring(line.indexOf("] ") + 2)).toList();
    }

    private static long count(List<String> log, String line) {
        return log.stream().filter(line::equals).count();
    }

    @Test
    void aMutexTakenInAnOnlineCallbackAndAroundCpusReadLockIsACircularDependencyWithBothChains() {
        try (Machine machine = booted("emu.lockdep=1", new LockOrderDrivers.Inverted())) {
            assertThat(log(machine)).noneMatch(line -> line.contains("locking"));

            machine.write(LockOrderDrivers.RESCAN, "1");

            List<String> log = log(machine);
            assertThat(log).containsSubsequence(
                    "======================================================",
                    "WARNING: possible circular locking dependency detected",
                    "6.1 #1 Not tainted",
                    "------------------------------------------------------");
            int pid = Integer.parseInt(log.stream().filter(line -> line.startsWith("sh/")).findFirst().orElseThrow().replaceAll("sh/(\\d+) .*", "$1"));
            assertThat(log).containsSubsequence(
                    "sh/" + pid + " is trying to acquire lock:",
                    "ffffffff82a5c040 (cpu_hotplug_lock){++++}-{0:0}, at: cpus_read_lock",
                    "",
                    "but task is already holding lock:",
                    log.stream().filter(line -> line.contains("(inverted_mutex){+.+.}-{3:3}, at: store " + LockOrderDrivers.RESCAN)).findFirst().orElseThrow(),
                    "",
                    "which lock already depends on the new lock.",
                    "",
                    "",
                    "the existing dependency chain (in reverse order) is:",
                    "",
                    // The shortest chain lockdep knows: the registration's (a bring-up kicks the AP without the map, as in 6.1).
                    "-> #3 (inverted_mutex){+.+.}-{3:3}:",
                    "       mutex_lock",
                    "       inverted_cpu_online",
                    "       cpuhp_invoke_callback",
                    "       cpuhp_thread_fun",
                    "       smpboot_thread_fn",
                    "       kthread",
                    "       ret_from_fork",
                    "",
                    // A registration the boot held back until after SMP bring-up, as a late initcall.
                    "-> #2 (cpuhp_state-up){+.+.}-{0:0}:",
                    "       cpuhp_invoke_ap_callback",
                    "       cpuhp_issue_call",
                    "       cpuhp_setup_state",
                    "       do_one_initcall",
                    "",
                    "-> #1 (cpuhp_state_mutex){+.+.}-{3:3}:",
                    "       mutex_lock",
                    "       cpuhp_setup_state",
                    "       do_one_initcall",
                    "",
                    "-> #0 (cpu_hotplug_lock){++++}-{0:0}:",
                    "       percpu_down_read",
                    "       cpus_read_lock",
                    "       store " + LockOrderDrivers.RESCAN,
                    "       vfs_write",
                    "",
                    "other info that might help us debug this:",
                    "",
                    "Chain exists of:",
                    "  cpu_hotplug_lock --> cpuhp_state-up --> inverted_mutex",
                    "",
                    " Possible unsafe locking scenario:",
                    "",
                    "       CPU0                    CPU1",
                    "       ----                    ----",
                    "  lock(inverted_mutex);",
                    "                               lock(cpuhp_state-up);",
                    "                               lock(inverted_mutex);",
                    "  rlock(cpu_hotplug_lock);",
                    "",
                    " *** DEADLOCK ***",
                    "",
                    "1 lock held by sh/" + pid + ":",
                    "",
                    "stack backtrace:",
                    "CPU: 0 PID: " + pid + " Comm: sh Not tainted 6.1 #1",
                    "Call Trace:",
                    " <TASK>",
                    " percpu_down_read",
                    " cpus_read_lock",
                    " store " + LockOrderDrivers.RESCAN,
                    " vfs_write",
                    " </TASK>");
        }
    }

    @Test
    void afterAnOfflineTheChainIsTheShorterOneThroughCpuhpKickApWork() {
        try (Machine machine = booted("emu.lockdep=1", new LockOrderDrivers.Inverted())) {
            machine.write(CPU1_ONLINE, "0");
            machine.write(CPU1_ONLINE, "1");
            machine.write(LockOrderDrivers.RESCAN, "1");

            assertThat(log(machine)).containsSubsequence(
                    "-> #2 (inverted_mutex){+.+.}-{3:3}:",
                    "       mutex_lock",
                    "       inverted_cpu_online",
                    "",
                    "-> #1 (cpuhp_state-up){+.+.}-{0:0}:",
                    "       cpuhp_kick_ap_work",
                    "       _cpu_down",
                    "       __cpu_down_maps_locked",
                    "       work_for_cpu_fn",
                    "       process_one_work",
                    "       worker_thread",
                    "       kthread",
                    "       ret_from_fork",
                    "",
                    "-> #0 (cpu_hotplug_lock){++++}-{0:0}:");
        }
    }

    @Test
    void theThreadsEngineChecksTheSameWay() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).engine("threads")
                .commandLine("emu.lockdep=1").drivers(List.of(new LockOrderDrivers.Inverted())).build()) {
            machine.boot();
            machine.write(CPU1_ONLINE, "0");
            machine.write(CPU1_ONLINE, "1");
            assertThat(log(machine)).noneMatch(line -> line.contains("locking"));

            machine.write(LockOrderDrivers.RESCAN, "1");

            assertThat(log(machine)).containsSubsequence("WARNING: possible circular locking dependency detected",
                    "ffffffff82a5c040 (cpu_hotplug_lock){++++}-{0:0}, at: cpus_read_lock", "  cpu_hotplug_lock --> cpuhp_state-up --> inverted_mutex");
        }
    }

    @Test
    void lockdepReportsOnceAndThenTurnsItselfOffAsTheKernelDoes() {
        try (Machine machine = booted("emu.lockdep=1", new LockOrderDrivers.Inverted(), new LockOrderDrivers.Rereader())) {
            machine.write(LockOrderDrivers.RESCAN, "1");
            machine.write(LockOrderDrivers.RESCAN, "1");
            machine.write(LockOrderDrivers.READER, "1");
            machine.sleep(java.time.Duration.ofMillis(20));

            List<String> log = log(machine);
            assertThat(count(log, "WARNING: possible circular locking dependency detected")).isEqualTo(1);
            assertThat(count(log, "WARNING: possible recursive locking detected")).isZero();
        }
    }

    @Test
    void lockdepIsOffUnlessTheCommandLineTurnsItOn() {
        try (Machine machine = booted("", new LockOrderDrivers.Inverted())) {
            machine.write(LockOrderDrivers.RESCAN, "1");
            machine.write(CPU1_ONLINE, "0");
            machine.write(CPU1_ONLINE, "1");

            assertThat(log(machine)).noneMatch(line -> line.contains("locking"));
        }
    }

    @Test
    void aRecursiveCpusReadLockWithAWriterQueuedIsReportedThenDeadlocksAsInTheKernel() {
        try (Machine machine = booted("emu.lockdep=1", new LockOrderDrivers.Rereader())) {
            machine.write(LockOrderDrivers.READER, "1"); // reads, sleeps 10 ms, reads again

            // The offline's cpus_write_lock queues behind the first read; the second read queues behind it.
            assertThatThrownBy(() -> machine.write(CPU1_ONLINE, "0"))
                    .isInstanceOfSatisfying(HangException.class, e -> {
                        assertThat(e.kind()).isEqualTo(HangException.Kind.DEADLOCK);
                        assertThat(e.errno()).isEqualTo(Errno.EDEADLK);
                    })
                    .hasMessageStartingWith("deadlock: every emulated thread is blocked")
                    .hasMessageContaining("rereader (CPU 0): rwsem cpu_hotplug_lock (read) held by rereader/")
                    .hasMessageContaining("kworker/0:1 (CPU 0): rwsem cpu_hotplug_lock (write) held by rereader/");

            List<String> log = log(machine);
            String reader = log.stream().filter(line -> line.startsWith("rereader/")).findFirst().orElseThrow();
            String task = reader.substring(0, reader.indexOf(' '));
            assertThat(log).containsSubsequence(
                    "============================================",
                    "WARNING: possible recursive locking detected",
                    "6.1 #1 Not tainted",
                    "--------------------------------------------",
                    task + " is trying to acquire lock:",
                    "ffffffff82a5c040 (cpu_hotplug_lock){++++}-{0:0}, at: cpus_read_lock",
                    "",
                    "but task is already holding lock:",
                    "ffffffff82a5c040 (cpu_hotplug_lock){++++}-{0:0}, at: cpus_read_lock",
                    "",
                    "other info that might help us debug this:",
                    " Possible unsafe locking scenario:",
                    "",
                    "       CPU0",
                    "       ----",
                    "  lock(cpu_hotplug_lock);",
                    "  lock(cpu_hotplug_lock);",
                    "",
                    " *** DEADLOCK ***",
                    "",
                    " May be due to missing lock nesting notation",
                    "",
                    "1 lock held by " + task + ":",
                    " #0: ffffffff82a5c040 (cpu_hotplug_lock){++++}-{0:0}, at: cpus_read_lock",
                    "",
                    "stack backtrace:",
                    "CPU: 0 PID: " + task.substring(task.indexOf('/') + 1) + " Comm: rereader Not tainted 6.1 #1",
                    "Call Trace:",
                    " <TASK>",
                    " percpu_down_read",
                    " cpus_read_lock",
                    " kthread",
                    " ret_from_fork",
                    " </TASK>");
        }
    }

    @Test
    void withoutLockdepTheRecursiveReadStillDeadlocksButSilently() {
        try (Machine machine = booted("", new LockOrderDrivers.Rereader())) {
            machine.write(LockOrderDrivers.READER, "1");

            assertThatThrownBy(() -> machine.write(CPU1_ONLINE, "0"))
                    .isInstanceOfSatisfying(HangException.class, e -> assertThat(e.kind()).isEqualTo(HangException.Kind.DEADLOCK));
            assertThat(log(machine)).noneMatch(line -> line.contains("locking"));
        }
    }

    @Test
    void aRecursiveReadWithNoWriterPassesButLockdepFlagsItAsTheKernelsDoes() {
        try (Machine machine = booted("emu.lockdep=1", new LockOrderDrivers.Rereader())) {
            machine.write(LockOrderDrivers.READER, "1");
            machine.sleep(java.time.Duration.ofMillis(20)); // both reads and both unlocks happen

            machine.write(CPU1_ONLINE, "0"); // the lock is free again
            assertThat(count(log(machine), "WARNING: possible recursive locking detected")).isEqualTo(1);
        }
    }

    @Test
    void offliningAndOnliningEveryCpuWithLockdepOnReportsNothing() {
        try (Machine machine = booted("emu.lockdep=1", new LockOrderDrivers.Inverted())) {
            for (int cpu = 1; cpu < 4; cpu++) {
                machine.write("/sys/devices/system/cpu/cpu" + cpu + "/online", "0");
                machine.write("/sys/devices/system/cpu/cpu" + cpu + "/online", "1");
            }
            machine.control().unloadDriver("inverted");
            machine.control().loadDriver(new LockOrderDrivers.Inverted());

            assertThat(log(machine)).noneMatch(line -> line.contains("locking"));
        }
    }
}
