package org.hotplugemu.distribution.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotplugemu.distribution.Main;
import org.hotplugemu.distribution.cli.Streams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hotplug-emu serve} from the command line: it listens, answers, and exits 0 on quit; bad options exit 2. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void serveAnswersOverTheSocketAndExitsOnQuit() throws Exception {
        Path socket = dir.resolve("qmp.sock");
        PipedInputStream errIn = new PipedInputStream(1 << 16);
        PrintStream err = new PrintStream(new PipedOutputStream(errIn), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Streams streams = new Streams(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8), err);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> Main.run(streams,
                "serve", "--smp", "1,maxcpus=2", "--auto-online", "--qmp", "unix:" + socket + ",server=on,wait=off"));
        BufferedReader errLines = new BufferedReader(new InputStreamReader(errIn, StandardCharsets.UTF_8));
        assertThat(errLines.readLine()).isEqualTo("hotplug-emu: QMP listening on unix:" + socket);

        try (QmpClient client = new QmpClient(socket)) {
            assertThat(client.receive()).startsWith("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7}");
            assertThat(client.execute("{\"execute\": \"qmp_capabilities\", \"id\": 7}")).isEqualTo("{\"return\": {}, \"id\": 7}");
            assertThat(client.execute("{\"execute\": \"device_add\", \"arguments\": {\"driver\": \"qemu64-x86_64-cpu\", \"id\": \"c1\", "
                    + "\"socket-id\": 0, \"core-id\": 1, \"thread-id\": 0}}")).isEqualTo("{\"return\": {}}");
            assertThat(RecordedSession.normalize(client.receive())).endsWith(
                    "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": \"c1\", \"source\": 1, \"status\": 0, \"slot\": \"1\", \"slot-type\": \"CPU\"}}}");
            // --auto-online: the hot-added CPU is online at once, as with a udev rule
            assertThat(client.execute("{\"execute\": \"x-sysfs-read\", \"arguments\": {\"path\": \"/sys/devices/system/cpu/online\"}}"))
                    .isEqualTo("{\"return\": \"0-1\\n\"}");
            assertThat(client.execute("{\"execute\": \"x-hotplug-fault\", \"arguments\": {\"fault\": \"ignore-eject\", \"slot\": 1}}"))
                    .isEqualTo("{\"return\": {}}");
            assertThat(client.execute("{\"execute\": \"device_del\", \"arguments\": {\"id\": \"c1\"}}")).isEqualTo("{\"return\": {}}");
            assertThat(client.execute("{\"execute\": \"x-sysfs-write\", \"arguments\": {\"path\": \"/sys/devices/system/cpu/online\", \"value\": \"1\"}}"))
                    .isEqualTo("{\"error\": {\"class\": \"GenericError\", \"desc\": \"/sys/devices/system/cpu/online: Permission denied (EACCES, errno 13)\"}}");
            assertThat(client.execute("{\"execute\": \"quit\", \"id\": \"bye\"}")).isEqualTo("{\"return\": {}, \"id\": \"bye\"}");
        }
        assertThat(status.get(60, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void badSmpIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Streams streams = new Streams(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(Main.run(streams, "serve", "--smp", "2,maxcpus=4,sockets=3", "--qmp", "unix:" + dir.resolve("s"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("hotplug-emu: Invalid CPU topology: product of the hierarchy must match maxcpus: "
                + "sockets (3) * dies (1) * cores (1) * threads (1) != maxcpus (4)\n");
    }

    @Test
    void badQmpAddressIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Streams streams = new Streams(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(Main.run(streams, "serve", "--qmp", "stdio")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("hotplug-emu: --qmp stdio: use unix:PATH or tcp:HOST:PORT\n");
    }
}
