package org.hotplugemu.distribution.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.sysdev.Uevents;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the recorded QEMU 7.2 (and 10.0) sessions with a real Linux guest against {@code serve}
 * over a real unix socket: every reply and event must equal the recorded one byte for byte (event
 * timestamps and host thread ids aside), in the same order, and the guest's state at each report
 * of the recorded guest agent must match, as must the CPU uevents of the whole run.
 */
class QmpReplayTest {
    private static final String CPU = "/sys/devices/system/cpu/";
    private static final Pattern CPU_LINE = Pattern.compile("^(cpu\\d+): online=(\\S+) ");
    private static final Pattern MASK_LINE = Pattern.compile("^(possible|present|online|offline): ?(.*)$");

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("61-a", List.of("61-s1-greeting-queries.txt", "61-s2-device_add.txt", "61-s4-device_del-online.txt"), true),
                // Plain 6.12 under TCG counts no hot-pluggable CPUs (possible 0-1, see the README there): QMP only.
                Arguments.of("612-a", List.of("612-s1-greeting-queries.txt"), false),
                Arguments.of("612vmw-a", List.of("612vmw-s2-device_add.txt", "612vmw-s4-device_del-online.txt"), true),
                Arguments.of("q10-61-s7a", List.of("q10-61-s7a-readd-after-removal.txt"), true),
                Arguments.of("q10-61-s7b", List.of("q10-61-s7b-fill-reverse.txt"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void replayGivesQemusMessagesAndTheGuestsState(String run, List<String> files, boolean guestState) throws Exception {
        List<RecordedSession> sessions = new ArrayList<>();
        for (String file : files) {
            sessions.add(RecordedSession.load(file));
        }
        Path socket = dir.resolve("qmp.sock");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Machine machine = new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(4).presentCpus(2).build()) {
            machine.boot();
            QmpServer server = QmpServer.create(QmpAddress.parse("unix:" + socket), machine, SmpOption.parse("2,maxcpus=4"),
                    new PrintStream(new ByteArrayOutputStream()), false);
            server.bind();
            Future<?> serving = executor.submit(() -> {
                server.serve();
                return null;
            });
            try (QmpClient client = new QmpClient(socket)) {
                if (!sessions.get(0).connects()) {
                    assertThat(client.receive()).startsWith("{\"QMP\": ");
                    assertThat(client.execute("{\"execute\": \"qmp_capabilities\"}")).isEqualTo("{\"return\": {}}");
                }
                for (RecordedSession session : sessions) {
                    replay(session, client, machine, guestState);
                }
                assertThat(client.execute("{\"execute\": \"quit\"}")).isEqualTo("{\"return\": {}}");
                assertThat(RecordedSession.normalize(client.receive())).isEqualTo(
                        "{\"timestamp\": {\"seconds\": S, \"microseconds\": U}, \"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-quit\"}}");
                assertThat(client.receive()).isNull();
            }
            serving.get(30, TimeUnit.SECONDS);
            List<String> recorded = sessions.stream().flatMap(s -> s.cpuUevents().stream()).toList();
            List<String> ours = machine.systemDevices().uevents().all().stream().filter(e -> e.subsystem().equals("cpu"))
                    .map(Uevents.Uevent::action).toList();
            List<String> ourEvents = new ArrayList<>();
            machine.systemDevices().uevents().all().stream().filter(e -> e.subsystem().equals("cpu"))
                    .forEach(e -> ourEvents.add(e.action() + " " + e.devpath()));
            assertThat(guestState ? ourEvents : recorded).as("cpu uevents of run %s (%s)", run, ours).isEqualTo(recorded);
        } finally {
            executor.shutdownNow();
        }
        assertThat(Files.exists(socket)).isFalse();
    }

    private static void replay(RecordedSession session, QmpClient client, Machine machine, boolean guestState) throws IOException {
        String lastSent = "(connect)";
        for (RecordedSession.Step step : session.steps()) {
            switch (step) {
                case RecordedSession.Send send -> {
                    client.send(send.json());
                    lastSent = send.json();
                }
                case RecordedSession.Expect expect -> assertThat(RecordedSession.normalize(client.receive()))
                        .as("%s: after %s", session.name(), lastSent)
                        .isEqualTo(RecordedSession.normalize(expect.json()));
                case RecordedSession.Guest guest -> {
                    if (guest.command().startsWith("onslot ")) {
                        int slot = Integer.parseInt(guest.command().substring("onslot ".length()).strip());
                        assertThat(client.execute("{\"execute\": \"x-sysfs-write\", \"arguments\": {\"path\": \"" + CPU + "cpu" + slot
                                + "/online\", \"value\": \"1\"}}")).isEqualTo("{\"return\": {}}");
                    }
                }
                case RecordedSession.GuestState state -> {
                    if (guestState) {
                        checkGuest(session, state.line(), client, machine);
                    }
                }
            }
        }
    }

    private static void checkGuest(RecordedSession session, String line, QmpClient client, Machine machine) throws IOException {
        Matcher mask = MASK_LINE.matcher(line);
        if (mask.matches()) {
            String reply = client.execute("{\"execute\": \"x-sysfs-read\", \"arguments\": {\"path\": \"" + CPU + mask.group(1) + "\"}}");
            assertThat(reply).as("%s: guest %s", session.name(), line).isEqualTo("{\"return\": \"" + mask.group(2).strip() + "\\n\"}");
            return;
        }
        if (line.startsWith("ls /sys/devices/system/cpu: ")) {
            List<String> expected = Stream.of(line.substring(line.indexOf(": ") + 2).split(" ")).filter(name -> name.matches("cpu\\d+")).toList();
            List<String> actual = machine.list("/sys/devices/system/cpu").stream().filter(name -> name.matches("cpu\\d+/"))
                    .map(name -> name.substring(0, name.length() - 1)).toList();
            assertThat(actual).as("%s: %s", session.name(), line).isEqualTo(expected);
            return;
        }
        Matcher cpu = CPU_LINE.matcher(line);
        if (cpu.find()) {
            String path = "/sys/devices/system/cpu/" + cpu.group(1) + "/online";
            String actual = machine.exists(path) ? machine.read(path).strip() : "n/a";
            assertThat(actual).as("%s: %s", session.name(), line).isEqualTo(cpu.group(2));
            assertThat(machine.exists("/sys/devices/system/cpu/" + cpu.group(1) + "/hotplug/state"))
                    .as("%s: %s", session.name(), line).isEqualTo(!line.contains("hotplug/state=n/a"));
        }
    }
}
