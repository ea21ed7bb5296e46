package org.hotplugemu.distribution.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An errno the closed enum could not hold: a driver's ENOTSUPP (524) reaches sysfs and the shell as Linux shows it. */
class UnknownErrnoTest {
    private static final String CPU = "/sys/devices/system/cpu";

    /** Fails CPU 1's bring-up with the kernel-internal ENOTSUPP, as an SBI-backed driver would. */
    private static final class SbiDriver implements HotplugDriver {
        volatile boolean refuse;

        @Override
        public String name() {
            return "sbi-test";
        }

        @Override
        public void register(DriverContext context) {
            context.hotplug().setupState(context.hotplug().state("CPUHP_AP_ONLINE_DYN"), "sbi:online",
                    Callback.of("sbi_online_cpu", cpu -> {
                        if (refuse && cpu == 1) {
                            throw new HotplugException(Errno.ENOTSUPP, "SBI_ERR_NOT_SUPPORTED");
                        }
                    }), Callback.of("sbi_offline_cpu", cpu -> { }));
        }
    }

    private final SbiDriver driver = new SbiDriver();
    private final Machine machine = new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(2)
            .drivers(List.of(driver)).build();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Interpreter shell = new Interpreter(machine, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    {
        machine.boot();
    }

    @AfterEach
    void close() {
        machine.close();
    }

    @Test
    void enotsuppFromACallbackRollsBackAndPrintsAsUnknownError524() {
        assertThat(shell.execute("echo 0 > " + CPU + "/cpu1/online")).isZero();
        machine.write("/sys/kernel/tracing/events/cpuhp/enable", "1\n");
        driver.refuse = true;

        assertThat(shell.execute("echo 1 > " + CPU + "/cpu1/online")).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("echo: write error: Unknown error 524\n");
        assertThat(machine.read(CPU + "/cpu1/online")).isEqualTo("0\n");
        // The kernel's cpuhp rollback: the failed step and the whole bring-up return -524, then the CPU goes back down.
        assertThat(machine.tracing().formatText())
                .containsPattern("cpuhp/1-\\d+ .*cpuhp_exit: +cpu: 0001 +state: +\\d+ step: +\\d+ ret: -524")
                .containsPattern("sh-\\d+ .*cpuhp_exit: +cpu: 0001 +state: +\\d+ step: +\\d+ ret: -524\n.*takedown_cpu");
        driver.refuse = false;
        assertThat(shell.execute("echo 1 > " + CPU + "/cpu1/online")).isZero();
        assertThat(machine.read(CPU + "/online")).isEqualTo("0-1\n");
    }

    @Test
    void theSysfsWriteFailsWithTheSameErrnoTheCallbackThrew() {
        machine.write(CPU + "/cpu1/online", "0\n");
        driver.refuse = true;

        HotplugException failure = org.assertj.core.api.Assertions.catchThrowableOfType(HotplugException.class,
                () -> machine.write(CPU + "/cpu1/online", "1\n"));

        assertThat(failure.errno()).isEqualTo(Errno.ENOTSUPP).isSameAs(Errno.ofNumber(failure.returnValue()));
        assertThat(failure.returnValue()).isEqualTo(-524);
        assertThat(failure.errno().name()).isEqualTo("ENOTSUPP");
    }
}
