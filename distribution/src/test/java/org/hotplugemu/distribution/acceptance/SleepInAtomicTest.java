package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.api.Test;

/**
 * A STARTING/DYING callback that sleeps (interrupts off): the kernel's {@code __might_resched}
 * report, then the sleep happens and the operation completes.
 */
class SleepInAtomicTest {
    private static final String CPU1 = "/sys/devices/system/cpu/cpu1/online";

    /** Registers a STARTING state whose callbacks sleep 2 ms and record when they got past the sleep. */
    private static HotplugDriver sleeper(boolean withCalls, List<String> done) {
        return new HotplugDriver() {
            @Override
            public String name() {
                return "sleeper";
            }

            @Override
            public void register(DriverContext context) {
                CpuHotplug api = context.hotplug();
                Callback up = Callback.of("sleepy_starting", cpu -> {
                    context.scheduler().sleep(Duration.ofMillis(2));
                    done.add("up " + cpu);
                });
                Callback down = Callback.of("sleepy_dying", cpu -> {
                    context.scheduler().sleep(Duration.ofMillis(2));
                    done.add("down " + cpu);
                });
                int state = api.state("CPUHP_AP_CPU_PM_STARTING");
                if (withCalls) {
                    api.setupState(state, "test:sleepy", up, down);
                }
                else {
                    api.setupStateNoCalls(state, "test:sleepy", up, down);
                }
            }
        };
    }

    private static List<String> messages(Machine machine, int from) {
        return machine.dmesg().subList(from, machine.dmesg().size()).stream()
                .map(line -> line.substring(line.indexOf("] ") + 2)).toList();
    }

    @Test
    void sleepingInADyingAndAStartingCallbackIsReportedAndTheCpuGoesOffAndComesBack() {
        List<String> done = new ArrayList<>();
        try (Machine machine = ReferenceKernelAcceptanceTest.boot("linux-6.1-x86_64", 2, "")) {
            machine.control().loadDriver(sleeper(false, done));
            int from = machine.dmesg().size();
            machine.write(CPU1, "0\n");
            List<String> offline = messages(machine, from);
            assertThat(offline.subList(0, 4)).containsExactly(
                    "BUG: sleeping function called from invalid context at kernel/time/timer.c:0",
                    "in_atomic(): 1, irqs_disabled(): 1, non_block: 0, pid: 0, name: swapper/1",
                    "preempt_count: 1, expected: 0",
                    "RCU nest depth: 0, expected: 0");
            assertThat(offline.get(4)).isEqualTo("CPU: 1 PID: 0 Comm: swapper/1 Not tainted 6.1.0-56-amd64 #1  Debian 6.1.192-2");
            assertThat(offline.subList(5, offline.size())).startsWith(
                    "Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2-debian-1.16.2-1 04/01/2014",
                    "Call Trace:", " <TASK>", " dump_stack_lvl", " __might_resched", " msleep", " sleepy_dying",
                    " cpuhp_invoke_callback", " take_cpu_down").contains(" </TASK>", "smpboot: CPU 1 is now offline");
            assertThat(done).containsExactly("down 1");

            machine.sleep(Duration.ofSeconds(2));
            from = machine.dmesg().size();
            machine.write(CPU1, "1\n");
            List<String> online = messages(machine, from);
            assertThat(online).contains("CPU: 1 PID: 0 Comm: swapper/1 Tainted: G        W          6.1.0-56-amd64 #1  Debian 6.1.192-2",
                    " sleepy_starting", " cpuhp_invoke_callback", " notify_cpu_starting");
            assertThat(done).containsExactly("down 1", "up 1");
            assertThat(machine.read(CPU1)).isEqualTo("1\n");
        }
    }

    @Test
    void aStartingStateRegisteredWhileCpusAreOnlineSleepsOnCpuhpWithoutPreemptionDisabled() {
        List<String> done = new ArrayList<>();
        try (Machine machine = ReferenceKernelAcceptanceTest.boot("linux-6.12-arm64", 2, "")) {
            int from = machine.dmesg().size();
            machine.control().loadDriver(sleeper(true, done));
            List<String> report = messages(machine, from);
            assertThat(report.get(1)).matches("in_atomic\\(\\): 0, irqs_disabled\\(\\): 1, non_block: 0, pid: \\d+, name: cpuhp/\\d");
            assertThat(report.get(2)).isEqualTo("preempt_count: 0, expected: 0");
            assertThat(report.get(3)).as("no RCU line: arm64's kernel is not preemptible")
                    .matches("CPU: \\d UID: 0 PID: \\d+ Comm: cpuhp/\\d Not tainted 6.12.117\\+deb13-arm64 #1  Debian 6.12.117-1");
            assertThat(report.subList(4, report.size())).startsWith("Hardware name: linux,dummy-virt (DT)", "Call trace:",
                    " dump_backtrace", " show_stack", " dump_stack_lvl", " dump_stack", " __might_resched", " msleep",
                    " sleepy_starting", " cpuhp_invoke_callback", " cpuhp_thread_fun", " smpboot_thread_fn", " kthread",
                    " ret_from_fork");
            assertThat(done).as("both CPUs ran the startup, past its sleep").containsExactlyInAnyOrder("up 0", "up 1");
        }
    }

    @Test
    void reportsAreRateLimitedToOneASecondAsTheKernelsAre() {
        List<String> done = new ArrayList<>();
        try (Machine machine = ReferenceKernelAcceptanceTest.boot("linux-6.12-x86_64", 2, "")) {
            machine.control().loadDriver(sleeper(false, done));
            machine.write(CPU1, "0\n");
            machine.write(CPU1, "1\n");
            assertThat(machine.dmesg()).filteredOn(line -> line.contains("BUG: sleeping function")).hasSize(1);
            assertThat(done).containsExactly("down 1", "up 1");
        }
    }
}
