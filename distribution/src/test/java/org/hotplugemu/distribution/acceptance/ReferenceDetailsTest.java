package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 13's details, each as the captured kernels show it (reference info.txt and dmesg). */
class ReferenceDetailsTest {
    private static final String TRACING = "/sys/kernel/tracing";

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64, 135, 136, 137, 8191", "linux-6.1-arm64, 84, 85, 86, 255",
            "linux-6.12-x86_64, 140, 141, 142, 8191", "linux-6.12-arm64, 84, 85, 86, 511"})
    void eventIdsAndKernelMaxAreTheKernels(String kernel, int exit, int multi, int enter, int kernelMax) {
        try (Machine machine = ReferenceKernelAcceptanceTest.boot(kernel, 4, "")) {
            assertThat(machine.read(TRACING + "/events/cpuhp/cpuhp_exit/id")).isEqualTo(exit + "\n");
            assertThat(machine.read(TRACING + "/events/cpuhp/cpuhp_multi_enter/id")).isEqualTo(multi + "\n");
            assertThat(machine.read(TRACING + "/events/cpuhp/cpuhp_enter/id")).isEqualTo(enter + "\n");
            assertThat(machine.read(TRACING + "/events/cpuhp/cpuhp_enter/format")).contains("ID: " + enter + "\n");
            assertThat(machine.read("/sys/devices/system/cpu/kernel_max")).isEqualTo(kernelMax + "\n");
        }
    }

    @ParameterizedTest
    @CsvSource({"linux-6.1-x86_64, ' x86-tsc'", "linux-6.12-arm64, ''"})
    void traceClockAndFiltersExistAsInTheKernel(String kernel, String extra) {
        try (Machine machine = ReferenceKernelAcceptanceTest.boot(kernel, 2, "trace_clock=global")) {
            assertThat(machine.read(TRACING + "/trace_clock"))
                    .isEqualTo("local [global] counter uptime perf mono mono_raw boot tai" + extra + "\n");
            machine.write(TRACING + "/trace_clock", "local\n");
            assertThat(machine.read(TRACING + "/trace_clock")).startsWith("[local] global");
            assertThat(machine.list(TRACING + "/events/cpuhp")).contains("filter", "enable");
            for (String filter : new String[] {"/events/filter", "/events/cpuhp/filter", "/events/cpuhp/cpuhp_enter/filter"}) {
                assertThat(machine.read(TRACING + filter)).isEqualTo("none\n");
                machine.write(TRACING + filter, "0\n");
            }
            assertThatThrownBy(() -> machine.write(TRACING + "/events/cpuhp/filter", "cpu == 1\n"))
                    .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        }
    }

    @Test
    void writingAFileThatDoesNotExistIsRefusedLikeSysfsRefusesTheShellsCreate() {
        try (Machine machine = ReferenceKernelAcceptanceTest.boot("linux-6.12-x86_64", 2, "")) {
            assertThatThrownBy(() -> machine.write("/sys/devices/system/cpu/cpu1/nonexistent", "1\n"))
                    .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES))
                    .hasMessageContaining("can't create");
            assertThatThrownBy(() -> machine.write("/sys/devices/system/cpu/cpu9/online", "1\n"))
                    .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        }
    }

    @Test
    void theReferenceKernelsCommandLineIsAcceptedWithoutComplaint() {
        String cmdline = "console=ttyS0 panic=-1 loglevel=4 trace_event=cpuhp:* trace_buf_size=8M trace_clock=global";
        try (Machine machine = ReferenceKernelAcceptanceTest.boot("linux-6.1-x86_64", 2, cmdline)) {
            assertThat(machine.dmesg()).noneMatch(line -> line.contains("Unknown kernel command line parameters"));
            assertThat(machine.tracing().bufferSizeKb()).isEqualTo(8 * 1024);
        }
        try (Machine machine = ReferenceKernelAcceptanceTest.boot("linux-6.1-x86_64", 2, "bogus=1")) {
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("Unknown kernel command line parameters \"bogus=1\""));
        }
    }

    @Test
    void addingAnInstanceTwiceOrRemovingOneNeverAddedIsReported() {
        org.hotplugemu.api.driver.HotplugInstance instance = () -> "pmu0";
        org.hotplugemu.api.driver.HotplugInstance stranger = () -> "pmu1";
        HotplugDriver driver = new HotplugDriver() {
            @Override
            public String name() {
                return "twice";
            }

            @Override
            public void register(DriverContext context) {
                int state = context.hotplug().state("CPUHP_AP_PERF_X86_UNCORE_ONLINE");
                context.hotplug().setupMultiState(state, "perf/x86/intel/uncore:online", null, null);
                context.hotplug().addInstance(state, instance);
                assertThatThrownBy(() -> context.hotplug().addInstance(state, instance))
                        .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
                assertThatThrownBy(() -> context.hotplug().removeInstance(state, stranger))
                        .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
            }
        };
        try (Machine machine = ReferenceKernelAcceptanceTest.boot("linux-6.1-x86_64", 2, "")) {
            machine.control().loadDriver(driver);
            assertThat(machine.dmesg()).anyMatch(line -> line.contains("WARNING: CPU hotplug: instance pmu0 is already added"))
                    .anyMatch(line -> line.contains("BUG: kernel NULL pointer dereference in __cpuhp_state_remove_instance"));
        }
    }

    @Test
    void setupMultiStateOnAStaticStateReturnsZeroLikeTheKernel() {
        int[] returned = {-1};
        HotplugDriver driver = new HotplugDriver() {
            @Override
            public String name() {
                return "multi_static";
            }

            @Override
            public void register(DriverContext context) {
                int state = context.hotplug().state("CPUHP_AP_PERF_X86_UNCORE_ONLINE");
                returned[0] = context.hotplug().setupMultiState(state, "perf/x86/intel/uncore:online",
                        MultiCallback.of("uncore_event_cpu_online", (cpu, node) -> { }), null);
            }
        };
        try (Machine machine = ReferenceKernelAcceptanceTest.boot("linux-6.1-x86_64", 2, "")) {
            machine.control().loadDriver(driver);
            assertThat(returned[0]).isZero();
        }
    }
}
