package org.hotplugemu.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.core.driver.ResourceViolation.Kind;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.testing.TestingMachines;
import org.junit.jupiter.api.Test;

/** The three false "missing" reports of issue 14: after removeInstance, a failed static setupState and an unload. */
class ResourceRetirementTest {
    private record Instance(String name) implements HotplugInstance {
    }

    /** A correct multi-instance driver: one per-instance resource, acquired in startup and released in teardown. */
    private static final class PmuDriver implements HotplugDriver {
        final Instance pmu = new Instance("pmu0");
        final boolean removeInstance;
        final boolean leakOnTeardown;

        PmuDriver(boolean removeInstance, boolean leakOnTeardown) {
            this.removeInstance = removeInstance;
            this.leakOnTeardown = leakOnTeardown;
        }

        @Override
        public String name() {
            return "pmu";
        }

        @Override
        public void register(DriverContext context) {
            int dyn = context.hotplug().state("CPUHP_AP_ONLINE_DYN");
            PerCpuResource[] box = new PerCpuResource[1];
            int state = context.hotplug().setupMultiState(dyn, "pmu:online",
                    MultiCallback.of("pmu_online_cpu", (cpu, instance) -> box[0].acquire(cpu)),
                    MultiCallback.of("pmu_offline_cpu", (cpu, instance) -> {
                        if (!leakOnTeardown) {
                            box[0].release(cpu);
                        }
                    }));
            box[0] = context.resources().track(state, pmu, "pmu_context");
            context.hotplug().addInstance(state, pmu);
            if (removeInstance) {
                context.hotplug().removeInstance(state, pmu);
            }
        }
    }

    @Test
    void afterRemoveInstanceItsResourceIsExpectedNowhere() {
        try (Machine machine = TestingMachines.booted(4)) {
            machine.control().loadDriver(new PmuDriver(true, false));

            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }

    @Test
    void aTeardownThatLeaksOnRemoveInstanceIsStillReportedAsLeaked() {
        try (Machine machine = TestingMachines.booted(2)) {
            machine.control().loadDriver(new PmuDriver(true, true));

            assertThat(machine.control().resourceViolations()).extracting(ResourceViolation::kind, ResourceViolation::instance, ResourceViolation::cpu)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.LEAKED, "pmu0", 0), org.assertj.core.groups.Tuple.tuple(Kind.LEAKED, "pmu0", 1));
        }
    }

    @Test
    void aLinkedInstanceWhoseResourceIsNotHeldIsReportedMissingWithItsInstance() {
        try (Machine machine = TestingMachines.booted(2)) {
            machine.control().loadDriver(new HotplugDriver() {
                @Override
                public String name() {
                    return "forgetful";
                }

                @Override
                public void register(DriverContext context) {
                    Instance pmu = new Instance("pmu7");
                    int state = context.hotplug().setupMultiState(context.hotplug().state("CPUHP_AP_ONLINE_DYN"), "forgetful:online",
                            MultiCallback.of("forgetful_online_cpu", (cpu, instance) -> { }), null);
                    context.resources().track(state, pmu, "forgotten");
                    context.hotplug().addInstance(state, pmu);
                }
            });

            assertThat(machine.control().resourceViolations())
                    .extracting(ResourceViolation::kind, ResourceViolation::driver, ResourceViolation::instance, ResourceViolation::cpu)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.MISSING, "forgetful", "pmu7", 0),
                            org.assertj.core.groups.Tuple.tuple(Kind.MISSING, "forgetful", "pmu7", 1));
        }
    }

    /** Sets up a static state whose startup fails on CPU 2, as a driver that tolerates the failure. */
    private static final class FailingStaticDriver implements HotplugDriver {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public void register(DriverContext context) {
            int state = context.hotplug().state("CPUHP_AP_WORKQUEUE_ONLINE");
            PerCpuResource pool = context.resources().track(state, "failing_pool");
            assertThatThrownBy(() -> context.hotplug().setupState(state, "failing:online", Callback.of("failing_online_cpu", cpu -> {
                if (cpu == 2) {
                    throw new HotplugException(Errno.ENOMEM, "no pool on CPU 2");
                }
                pool.acquire(cpu);
            }), Callback.of("failing_offline_cpu", pool::release))).isInstanceOf(HotplugException.class);
        }
    }

    @Test
    void afterAFailedStaticSetupStateItsResourceIsExpectedNowhere() {
        try (Machine machine = TestingMachines.booted(4)) {
            machine.control().loadDriver(new FailingStaticDriver());

            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }

    /** A correct driver with a static and a dynamic state that it removes on unregister. */
    private static final class CorrectDriver implements HotplugDriver {
        private int dynamic;
        private int fixed;

        @Override
        public String name() {
            return "correct";
        }

        @Override
        public void register(DriverContext context) {
            fixed = context.hotplug().state("CPUHP_AP_WORKQUEUE_ONLINE");
            PerCpuResource pool = context.resources().track(fixed, "correct_pool");
            context.hotplug().setupState(fixed, "correct:pool", Callback.of("correct_pool_up", pool::acquire), Callback.of("correct_pool_down", pool::release));
            PerCpuResource timer = context.resources().track("correct_timer");
            dynamic = context.hotplug().setupState(context.hotplug().state("CPUHP_AP_ONLINE_DYN"), "correct:timer",
                    Callback.of("correct_timer_up", timer::acquire), Callback.of("correct_timer_down", timer::release));
            timer.bind(dynamic);
        }

        @Override
        public void unregister(DriverContext context) {
            context.hotplug().removeState(dynamic);
            context.hotplug().removeState(fixed);
        }
    }

    @Test
    void afterUnloadingACorrectDriverNothingIsReported() {
        try (Machine machine = TestingMachines.booted(4)) {
            machine.control().loadDriver(new CorrectDriver());
            assertThat(machine.control().checkInvariants()).isEmpty();

            machine.control().unloadDriver("correct");
            machine.write(TestingMachines.CPU + "/cpu3/online", "0\n");

            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }

    @Test
    void anUntrackedResourceIsNoLongerCheckedAndOnlyItsOwnerMayUntrackIt() {
        try (Machine machine = TestingMachines.booted(2)) {
            PerCpuResource[] stale = new PerCpuResource[1];
            org.hotplugemu.api.driver.ResourceTracker[] trackers = new org.hotplugemu.api.driver.ResourceTracker[2];
            for (int i = 0; i < 2; i++) {
                int index = i;
                machine.control().loadDriver(new HotplugDriver() {
                    @Override
                    public String name() {
                        return "driver" + index;
                    }

                    @Override
                    public void register(DriverContext context) {
                        trackers[index] = context.resources();
                        if (index == 0) {
                            stale[0] = context.resources().track(context.hotplug().state("CPUHP_AP_WORKQUEUE_ONLINE"), "stale");
                        }
                    }
                });
            }
            assertThat(machine.control().resourceViolations()).extracting(ResourceViolation::kind).containsExactly(Kind.MISSING, Kind.MISSING);

            assertThatThrownBy(() -> trackers[1].untrack(stale[0]))
                    .isInstanceOf(HotplugException.class).hasMessageContaining("driver driver1 does not track");
            trackers[0].untrack(stale[0]);

            assertThat(machine.control().checkInvariants()).isEmpty();
        }
    }
}
