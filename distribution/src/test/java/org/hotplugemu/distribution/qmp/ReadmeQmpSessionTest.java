package org.hotplugemu.distribution.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code socat} session, sent line by line over a real socket to {@code serve --smp
 * 2,maxcpus=4}: every reply and event the README shows arrives, in that order (timestamps aside).
 */
class ReadmeQmpSessionTest {
    @TempDir
    Path dir;

    /** The lines of the README's session after the {@code socat} line, up to the end of its block. */
    private static List<String> session() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int start = lines.indexOf("$ socat - UNIX-CONNECT:/tmp/qmp.sock");
        assertThat(start).as("the README's socat session").isPositive();
        List<String> session = new ArrayList<>();
        for (int i = start + 1; !lines.get(i).equals("```"); i++) {
            session.add(lines.get(i));
        }
        return session;
    }

    @Test
    void theReadmeSessionWorksAsWritten() throws Exception {
        List<String> session = session();
        assertThat(session.get(0)).startsWith("{\"QMP\": ");
        try (Machine machine = new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(4).presentCpus(2).build()) {
            machine.boot();
            Path socket = dir.resolve("qmp.sock");
            QmpServer server = QmpServer.create(QmpAddress.parse("unix:" + socket), machine, SmpOption.parse("2,maxcpus=4"),
                    new PrintStream(new ByteArrayOutputStream()), false);
            server.bind();
            ExecutorService executor = Executors.newSingleThreadExecutor();
            Future<?> serving = executor.submit(() -> {
                server.serve();
                return null;
            });
            try (QmpClient client = new QmpClient(socket)) {
                for (String line : session) {
                    if (line.startsWith("{\"execute\"")) {
                        client.send(line);
                    } else {
                        assertThat(RecordedSession.normalize(client.receive())).isEqualTo(RecordedSession.normalize(line));
                    }
                }
                assertThat(client.receive()).as("the connection closes after quit").isNull();
            }
            serving.get(30, TimeUnit.SECONDS);
            executor.shutdownNow();
            server.close();
        }
    }
}
