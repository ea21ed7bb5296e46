package org.hotplugemu.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.PerCpuResource;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs fixture test classes through the JUnit launcher and checks what the extension made of them. */
class ExtensionFailureTest {
    /** Forgets to free its buffer when a CPU goes down. */
    public static final class LeakyDriver implements HotplugDriver {
        @Override
        public String name() {
            return "leaky";
        }

        @Override
        public void register(DriverContext context) {
            PerCpuResource buffer = context.resources().track("leaky_buffer");
            buffer.bind(context.hotplug().setupState(context.hotplug().state("CPUHP_AP_ONLINE_DYN"), "leaky:online",
                    Callback.of("leaky_online_cpu", buffer::acquire), Callback.of("leaky_offline_cpu", cpu -> { })));
        }
    }

    /** Fixtures: not run by the build itself (surefire skips nested classes), only through the launcher below. */
    @EmulatedMachineTest(cpus = 2, seed = 5, drivers = LeakyDriver.class)
    static class LeakFixture {
        @Test
        void offlinesACpu(TestMachine machine) {
            machine.offline(1);
        }
    }

    @EmulatedMachineTest(cpus = 2, seed = 6, drivers = LeakyDriver.class, checkInvariants = false)
    static class UncheckedLeakFixture {
        @Test
        void offlinesACpu(TestMachine machine) {
            machine.offline(1);
        }
    }

    @EmulatedMachineTest(cpus = 2, seed = 7)
    static class AssertionFixture {
        @Test
        void failsAnAssertion(TestMachine machine) {
            machine.offline(1);
            machine.offline(0);
        }
    }

    private static TestExecutionSummary run(Class<?> fixture) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(), listener);
        return listener.getSummary();
    }

    @Test
    void aLeakTheTestDidNotNoticeFailsItAfterwardsWithDriverStateCpuAndReplay() throws Exception {
        TestExecutionSummary summary = run(LeakFixture.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        Throwable failure = summary.getFailures().get(0).getException();
        assertThat(failure).isInstanceOf(MachineFailure.class)
                .hasMessageContaining("invariants broken after the test")
                .hasMessageContaining("driver leaky: resource 'leaky_buffer'")
                .hasMessageContaining("is leaked on CPU 1 at state 0")
                .hasMessageContaining("hotplug-emu shell --arch x86 --cpus 2 --engine sim --seed 5");
        Path dump = MachineDump.ROOT.resolve("LeakFixture_offlinesACpu.txt");
        List<String> lines = Files.readAllLines(dump);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("replay: hotplug-emu shell --arch x86 --cpus 2 --engine sim --seed 5 --cmdline \"trace_event=cpuhp:*\"")
                .contains("# and the drivers leaky (" + LeakyDriver.class.getName() + " in ")
                .endsWith(": put them in a plugin jar and add --plugins with its directory"));
        assertThat(lines).anyMatch(line -> line.contains("smpboot: CPU 1 is now offline"));
        assertThat(lines).anyMatch(line -> line.contains("cpuhp_enter") && line.contains("leaky_offline_cpu"));
    }

    @Test
    void theCheckCanBeTurnedOff() {
        assertThat(run(UncheckedLeakFixture.class).getTestsSucceededCount()).isEqualTo(1);
    }

    @Test
    void aFailingTestGetsTheMachineDumpAttached() {
        TestExecutionSummary summary = run(AssertionFixture.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        Throwable failure = summary.getFailures().get(0).getException();
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("cpu0/online failed with");
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(MachineFailure.class)
                .extracting(Throwable::getMessage).asString()
                .contains("emulated machine: hotplug-emu shell --arch x86 --cpus 2 --engine sim --seed 7", "AssertionFixture_failsAnAssertion.txt",
                        "smpboot: CPU 1 is now offline");
    }
}
