package org.hotplugemu.distribution.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QEMU 7.2's error replies and the failure scenarios' events, over a real socket. */
class QmpErrorsTest {
    private static final String ADD = "{\"execute\": \"device_add\", \"arguments\": {\"driver\": \"qemu64-x86_64-cpu\", ";

    @TempDir
    Path dir;

    private Machine machine;
    private QmpServer server;
    private QmpClient client;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() throws Exception {
        machine = new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(4).presentCpus(2).build();
        machine.boot();
        Path socket = dir.resolve("q.sock");
        server = QmpServer.create(QmpAddress.parse("unix:" + socket), machine, SmpOption.parse("2,maxcpus=4"),
                new PrintStream(new ByteArrayOutputStream()), false);
        server.bind();
        executor.submit(() -> {
            server.serve();
            return null;
        });
        client = new QmpClient(socket);
        client.receive();
        assertThat(client.execute("{\"execute\": \"qmp_capabilities\"}")).isEqualTo("{\"return\": {}}");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
        executor.shutdownNow();
        machine.close();
    }

    private String event() throws Exception {
        return RecordedSession.normalize(client.receive()).replace("\"timestamp\": {\"seconds\": S, \"microseconds\": U}, ", "");
    }

    private static String error(String errorClass, String desc) {
        return "{\"error\": {\"class\": \"" + errorClass + "\", \"desc\": \"" + desc + "\"}}";
    }

    @Test
    void deviceAddChecksInQemusOrder() throws Exception {
        assertThat(client.execute("{\"execute\": \"device_add\", \"arguments\": {\"id\": \"cpu-2\"}}")).isEqualTo(error("GenericError", "Parameter 'driver' is missing"));
        assertThat(client.execute("{\"execute\": \"device_add\", \"arguments\": {\"driver\": \"e1000x\"}}"))
                .isEqualTo(error("GenericError", "'e1000x' is not a valid device model name"));
        assertThat(client.execute("{\"execute\": \"device_add\", \"arguments\": {\"driver\": \"host-x86_64-cpu\", \"socket-id\": 0, \"core-id\": 2, \"thread-id\": 0}}"))
                .isEqualTo(error("GenericError", "Invalid CPU type, expected cpu type: 'qemu64-x86_64-cpu'"));
        assertThat(client.execute(ADD + "\"id\": \"2cpu\"}}")).isEqualTo(error("GenericError", "Parameter 'id' expects an identifier"));
        assertThat(client.execute(ADD + "\"core-id\": 2, \"thread-id\": 0}}")).isEqualTo(error("GenericError", "CPU socket-id is not set"));
        assertThat(client.execute(ADD + "\"socket-id\": 0, \"core-id\": 4, \"thread-id\": 0}}"))
                .isEqualTo(error("GenericError", "Invalid CPU core-id: 4 must be in range 0:3"));
        assertThat(client.execute(ADD + "\"socket-id\": 0, \"core-id\": \"2\", \"thread-id\": 0}}"))
                .isEqualTo(error("GenericError", "Invalid parameter type for 'core-id', expected: integer"));
        assertThat(client.execute(ADD + "\"socket-id\": 0, \"core-id\": 1, \"thread-id\": 0}}"))
                .isEqualTo(error("GenericError", "CPU[1] with APIC ID 1 exists"));
        assertThat(client.execute(ADD + "\"frob\": 1}}")).isEqualTo(error("GenericError", "Property 'qemu64-x86_64-cpu.frob' not found"));
    }

    @Test
    void commandLevelErrorsEchoTheId() throws Exception {
        assertThat(client.execute("{\"execute\": \"device_del\", \"arguments\": {\"id\": \"cpu-9\"}, \"id\": 5}"))
                .isEqualTo("{\"id\": 5, " + error("DeviceNotFound", "Device 'cpu-9' not found").substring(1));
        assertThat(client.execute("{\"execute\": \"device_del\"}")).isEqualTo(error("GenericError", "Parameter 'id' is missing"));
        assertThat(client.execute("{\"execute\": \"query-status\", \"arguments\": {\"x\": 1}}")).isEqualTo(error("GenericError", "Parameter 'x' is unexpected"));
        assertThat(client.execute("{\"arguments\": {}}")).isEqualTo(error("GenericError", "QMP input lacks member 'execute'"));
        assertThat(client.execute("[1]")).isEqualTo(error("GenericError", "QMP input must be a JSON object"));
        assertThat(client.execute("{\"execute\": \"query-status\", \"foo\": 1}")).isEqualTo(error("GenericError", "QMP input member 'foo' is unexpected"));
    }

    @Test
    void malformedJsonGetsQemusParseErrorsAndTheConnectionStaysUp() throws Exception {
        assertThat(client.execute("{\"execute\": quit}")).isEqualTo(error("GenericError", "JSON parse error, invalid keyword 'quit'"));
        // The lexer reads the keyword "query", then "-s" is no token: the stray error comes first and drops what was read.
        assertThat(client.execute("{\"execute\": query-status}")).isEqualTo(error("GenericError", "JSON parse error, stray '-s'"));
        assertThat(client.receive()).isEqualTo(error("GenericError", "JSON parse error, expecting value"));
        // A lexical error: QEMU reports the stray text, skips to the next structural character and resynchronises.
        assertThat(client.execute("{\"execute\": @}")).isEqualTo(error("GenericError", "JSON parse error, stray '@'"));
        assertThat(client.receive()).isEqualTo(error("GenericError", "JSON parse error, expecting value"));
        assertThat(client.execute("{\"execute\" \"quit\"}")).isEqualTo(error("GenericError", "JSON parse error, missing : in object pair"));
        assertThat(client.execute("{\"execute\": \"quit\" \"id\": 1}")).isEqualTo(error("GenericError", "JSON parse error, expected separator in dict"));
        assertThat(client.execute("{\"execute\": \"quit\", \"execute\": \"quit\"}")).isEqualTo(error("GenericError", "JSON parse error, duplicate key"));
        assertThat(client.execute("{\"execute\": \"\\x\"}")).isEqualTo(error("GenericError", "JSON parse error, invalid escape sequence in string"));
        assertThat(client.execute("{1: 2}")).isEqualTo(error("GenericError", "JSON parse error, key is not a string in object"));
        // QEMU's extensions: single quotes, and a request split over lines.
        assertThat(client.execute("{'execute': 'query-status', 'id': 'a'}"))
                .isEqualTo("{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}, \"id\": \"a\"}");
        assertThat(client.execute("{\"execute\":\n \"query-status\"}")).startsWith("{\"return\": {\"status\"");
    }

    @Test
    void coldPluggedCpuUnplugsByQomPathButTheBootCpuDoesNot() throws Exception {
        assertThat(client.execute("{\"execute\": \"device_del\", \"arguments\": {\"id\": \"/machine/unattached/device[0]\"}}"))
                .isEqualTo(error("GenericError", "Boot CPU is unpluggable"));
        assertThat(client.execute("{\"execute\": \"device_del\", \"arguments\": {\"id\": \"/machine/unattached/device[2]\"}}")).isEqualTo("{\"return\": {}}");
        assertThat(event()).isEqualTo("{\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"source\": 3, \"status\": 132, \"slot\": \"1\", \"slot-type\": \"CPU\"}}}");
        assertThat(event()).isEqualTo("{\"event\": \"DEVICE_DELETED\", \"data\": {\"path\": \"/machine/unattached/device[2]/lapic\"}}");
        assertThat(event()).isEqualTo("{\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"source\": 3, \"status\": 0, \"slot\": \"1\", \"slot-type\": \"CPU\"}}}");
        assertThat(machine.read("/sys/devices/system/cpu/present")).isEqualTo("0\n");
    }

    @Test
    void guestOfflineFailureReportsDeviceBusyAndKeepsTheCpu() throws Exception {
        assertThat(client.execute(ADD + "\"id\": \"cpu-2\", \"socket-id\": 0, \"core-id\": 2, \"thread-id\": 0}}")).isEqualTo("{\"return\": {}}");
        event();
        client.execute("{\"execute\": \"x-sysfs-write\", \"arguments\": {\"path\": \"/sys/devices/system/cpu/cpu2/online\", \"value\": \"1\"}}");
        assertThat(client.execute("{\"execute\": \"x-hotplug-fault\", \"arguments\": {\"fault\": \"offline-fail\", \"slot\": 2}}")).isEqualTo("{\"return\": {}}");

        assertThat(client.execute("{\"execute\": \"device_del\", \"arguments\": {\"id\": \"cpu-2\"}}")).isEqualTo("{\"return\": {}}");

        assertThat(event()).isEqualTo("{\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": \"cpu-2\", \"source\": 3, \"status\": 132, \"slot\": \"2\", \"slot-type\": \"CPU\"}}}");
        assertThat(event()).isEqualTo("{\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": \"cpu-2\", \"source\": 3, \"status\": 130, \"slot\": \"2\", \"slot-type\": \"CPU\"}}}");
        assertThat(client.execute("{\"execute\": \"x-sysfs-read\", \"arguments\": {\"path\": \"/sys/devices/system/cpu/online\"}}")).isEqualTo("{\"return\": \"0-2\\n\"}");
        assertThat(client.execute("{\"execute\": \"query-acpi-ospm-status\"}")).contains("{\"device\": \"cpu-2\", \"source\": 3, \"status\": 130, \"slot\": \"2\", \"slot-type\": \"CPU\"}");
    }

    @Test
    void ignoredEjectSendsNoEventAndCanBeRequestedAgain() throws Exception {
        client.execute(ADD + "\"id\": \"cpu-3\", \"socket-id\": 0, \"core-id\": 3, \"thread-id\": 0}}");
        event();
        client.execute("{\"execute\": \"x-hotplug-fault\", \"arguments\": {\"fault\": \"ignore-eject\"}}");
        assertThat(client.execute("{\"execute\": \"device_del\", \"arguments\": {\"id\": \"cpu-3\"}}")).isEqualTo("{\"return\": {}}");
        // the next message is the reply to the next command: no event came in between
        assertThat(client.execute("{\"execute\": \"x-hotplug-fault\", \"arguments\": {\"fault\": \"none\"}}")).isEqualTo("{\"return\": {}}");
        assertThat(client.execute("{\"execute\": \"device_del\", \"arguments\": {\"id\": \"cpu-3\"}}")).isEqualTo("{\"return\": {}}");
        assertThat(event()).contains("\"status\": 132");
        assertThat(event()).isEqualTo("{\"event\": \"DEVICE_DELETED\", \"data\": {\"path\": \"/machine/peripheral/cpu-3/lapic\"}}");
        assertThat(event()).contains("\"status\": 0");
    }

    @Test
    void unknownFaultIsRefused() throws Exception {
        assertThat(client.execute("{\"execute\": \"x-hotplug-fault\", \"arguments\": {\"fault\": \"meteor\"}}"))
                .isEqualTo(error("GenericError", "Parameter 'fault' does not accept value 'meteor'"));
    }
}
