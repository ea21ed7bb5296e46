package org.hotplugemu.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.testkit.CallbackRecorder.Direction;
import org.hotplugemu.testkit.FailAtEveryStep.StepFailure;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class FailAtEveryStepTest {
    private static final MachineSpec SPEC = new MachineSpec("x86", 3, "linux-6.1-x86_64", "sim", 11, "");

    private static TestMachine fresh() {
        return TestMachine.boot(SPEC, List.of(new ExampleDriver()));
    }

    @Test
    void theCasesAreEveryStateTheKernelLetsFailInEachDirectionOnEveryHotpluggableCpu() {
        List<StepFailure> cases;
        try (TestMachine probe = fresh()) {
            cases = FailAtEveryStep.stepFailures(probe);
            probe.assertInvariants();
        }

        assertThat(cases).extracting(StepFailure::cpu).containsOnly(1, 2);
        assertThat(cases).filteredOn(step -> step.name().equals("example:online"))
                .extracting(StepFailure::direction, StepFailure::cpu).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Direction.TEARDOWN, 1), org.assertj.core.groups.Tuple.tuple(Direction.STARTUP, 1),
                        org.assertj.core.groups.Tuple.tuple(Direction.TEARDOWN, 2), org.assertj.core.groups.Tuple.tuple(Direction.STARTUP, 2));
        // STARTING/DYING states cannot fail (interrupts are off), as the kernel's hotplug/fail refuses them.
        assertThat(cases).extracting(StepFailure::name).doesNotContain("example:starting");
    }

    @TestFactory
    Stream<DynamicTest> everyHotplugStepOfTheExampleDriversMachineRollsBack() {
        return FailAtEveryStep.hotplugSteps(FailAtEveryStepTest::fresh, machine -> { });
    }

    /** A multi-instance driver that adds one instance in register. */
    private static final class InstanceDriver implements HotplugDriver {
        private record Pmu(String name) implements HotplugInstance {
        }

        @Override
        public String name() {
            return "instances";
        }

        @Override
        public void register(DriverContext context) {
            Pmu pmu = new Pmu("pmu0");
            PerCpuResource[] box = new PerCpuResource[1];
            int state = context.hotplug().setupMultiState(context.hotplug().state("CPUHP_AP_ONLINE_DYN"), "instances:online",
                    MultiCallback.of("pmu_online_cpu", (cpu, instance) -> box[0].acquire(cpu)),
                    MultiCallback.of("pmu_offline_cpu", (cpu, instance) -> box[0].release(cpu)));
            box[0] = context.resources().track(state, pmu, "pmu_context");
            context.hotplug().addInstance(state, pmu);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCpuOfTheExampleRegistrationRollsBack() {
        return FailAtEveryStep.registration(() -> TestMachine.boot(SPEC, List.of()), ExampleDriver::new, "example_online_cpu",
                FailAtEveryStep::onlineCpus, (machine, recorder) -> assertThat(recorder.registrations())
                        .anyMatch(r -> "example:online".equals(r.name()) && r.failure() != null));
    }

    @TestFactory
    Stream<DynamicTest> everyCpuOfAnAddInstanceRollsBack() {
        return FailAtEveryStep.registration(() -> TestMachine.boot(SPEC, List.of()), InstanceDriver::new, "pmu_online_cpu",
                FailAtEveryStep::onlineCpus, (machine, recorder) -> assertThat(recorder.registrations())
                        .anyMatch(r -> r.method().equals("addInstance") && r.failure() != null));
    }

    /** What the registration cases rely on: the core rolls a failed setupState back on the CPUs already set up, in CPU order as cpuhp_rollback_install does. */
    @Test
    void theRecorderSeesTheRollbackOfAFailedSetupState() {
        CallbackRecorder recorder = new CallbackRecorder();
        recorder.failNext("example_online_cpu", 2, org.hotplugemu.api.kernel.Errno.ENOMEM);
        try (TestMachine machine = TestMachine.boot(SPEC, List.of())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> machine.load(recorder.wrap(new ExampleDriver())))
                    .isInstanceOf(org.hotplugemu.api.kernel.HotplugException.class)
                    .extracting(e -> ((org.hotplugemu.api.kernel.HotplugException) e).errno()).isEqualTo(org.hotplugemu.api.kernel.Errno.ENOMEM);
            assertThat(recorder.calls("example_offline_cpu")).extracting(CallbackRecorder.Call::cpu).containsExactly(0, 1);
            assertThat(recorder.calls("example_online_cpu")).extracting(CallbackRecorder.Call::cpu, CallbackRecorder.Call::injected)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0, false), org.assertj.core.groups.Tuple.tuple(1, false),
                            org.assertj.core.groups.Tuple.tuple(2, true));
        }
    }
}
