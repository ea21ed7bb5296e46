package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.testkit.FailAtEveryStep;
import org.hotplugemu.testkit.MachineSpec;
import org.hotplugemu.testkit.TestMachine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every failure the state machine can produce, each on a fresh machine. */
class BufferDriverFaultsTest {
    /** Two CPUs keep the cases few: one hotpluggable CPU, every state in both directions. */
    private static final MachineSpec MACHINE = new MachineSpec("x86", 2, "", "sim", 7, "");

    private static TestMachine withDriver() {
        return TestMachine.boot(MACHINE, List.of(new BufferDriver()));
    }

    private static TestMachine withoutDriver() {
        return TestMachine.boot(MACHINE, List.of());
    }

    /** Each state the kernel lets fail, going down and coming up: EAGAIN, the CPU rolls back, no buffer leaks. */
    @TestFactory
    Stream<DynamicTest> everyHotplugStepRollsBack() {
        return FailAtEveryStep.hotplugSteps(BufferDriverFaultsTest::withDriver,
                machine -> assertThat(machine.readLine(BufferDriver.DEBUGFS)).isEqualTo("0-1"));
    }

    /** Loading the driver while its startup fails on one CPU: every CPU already set up is torn down again. */
    @TestFactory
    Stream<DynamicTest> aFailedRegistrationRollsBackOnEveryCpu() {
        return FailAtEveryStep.registration(BufferDriverFaultsTest::withoutDriver, BufferDriver::new, BufferDriver.ONLINE,
                FailAtEveryStep::onlineCpus, (machine, recorder) -> assertThat(machine.machine().exists(BufferDriver.DEBUGFS)).isFalse());
    }

    /** The ledger the testkit checks is live: a teardown that forgets its release is reported. */
    @Test
    void theResourceLedgerCatchesALeak() {
        try (TestMachine machine = withoutDriver()) {
            machine.load(new LeakyDriver());
            machine.offline(1);

            assertThat(machine.invariantViolations()).anyMatch(violation -> violation.contains("leaky_buffer"));
        }
    }

    /** The template's mistake on purpose: its teardown never releases. */
    private static final class LeakyDriver implements HotplugDriver {
        @Override
        public String name() {
            return "leaky";
        }

        @Override
        public void register(DriverContext context) {
            PerCpuResource buffer = context.resources().track("leaky_buffer");
            int state = context.hotplug().setupState(context.hotplug().state("CPUHP_AP_ONLINE_DYN"), "leaky:online",
                    Callback.of("leaky_online_cpu", buffer::acquire), Callback.of("leaky_offline_cpu", cpu -> { }));
            buffer.bind(state);
        }
    }
}
