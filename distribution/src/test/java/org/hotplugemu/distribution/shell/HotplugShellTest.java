package org.hotplugemu.distribution.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shell equivalents of the QMP session: device_add, device_del, faults through the debug file, uevents. */
class HotplugShellTest {
    private static final String CPU = "/sys/devices/system/cpu";

    private final Machine machine = new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(4).presentCpus(2).build();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Interpreter shell = new Interpreter(machine, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    {
        machine.boot();
    }

    @AfterEach
    void close() {
        machine.close();
    }

    private String run(String line) {
        out.reset();
        shell.execute(line);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addOnlineRemoveLikeTheQmpSession() {
        assertThat(shell.execute("device_add 2")).isZero();
        assertThat(run("cat " + CPU + "/present")).isEqualTo("0-2\n");
        assertThat(shell.execute("echo 1 > " + CPU + "/cpu2/online")).isZero();
        assertThat(shell.execute("device_del 2")).isZero();
        assertThat(run("cat " + CPU + "/present")).isEqualTo("0-1\n");
        assertThat(run("uevents")).startsWith("ACTION=add\nDEVPATH=/devices/system/cpu/cpu2\nSUBSYSTEM=cpu\nSEQNUM=1\n\n")
                .contains("ACTION=remove\nDEVPATH=/devices/system/cpu/cpu2\nSUBSYSTEM=cpu\nSEQNUM=6\n");
    }

    @Test
    void armedFaultsShowInTheStatus() {
        shell.execute("device_add 2");
        shell.execute("echo 1 > " + CPU + "/cpu2/online");
        assertThat(shell.execute("echo offline-fail 2 > /sys/kernel/debug/hotplug-emu/sysdev/fault")).isZero();

        assertThat(shell.execute("device_del 2")).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("device_del: Device or resource busy (offlining CPU 2 failed");
        assertThat(run("cat " + CPU + "/online")).isEqualTo("0-2\n");
    }
}
