package org.hotplugemu.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotplugemu.core.machine.Machine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StockDriversMachineTest {
    @ParameterizedTest
    @CsvSource({"x86, linux-6.1-x86_64", "arm64, linux-6.1-arm64"})
    void hotplugStatesMatchTheReferenceKernelByteForByte(String architecture, String kernel) throws IOException {
        try (Machine machine = Machines.booted(architecture, 4, 1, "", List.of())) {
            assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).isEqualTo(resource(kernel + "/states.txt"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86", "arm64"})
    void offlineAndOnlineKeepEveryDriversResourcesSymmetric(String architecture) {
        try (Machine machine = Machines.booted(architecture, 4, 2, "", List.of())) {
            assertThat(machine.control().checkInvariants()).isEmpty();

            machine.write("/sys/devices/system/cpu/cpu1/online", "0\n");
            assertThat(machine.control().checkInvariants()).isEmpty();
            machine.write("/sys/devices/system/cpu/cpu1/online", "1\n");

            assertThat(machine.control().checkInvariants()).isEmpty();
            assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0-3\n");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StockDriversMachineTest.class.getResourceAsStream("/reference/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
