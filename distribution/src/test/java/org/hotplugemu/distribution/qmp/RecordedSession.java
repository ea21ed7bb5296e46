package org.hotplugemu.distribution.qmp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded QEMU + Linux guest session (see {@code reference/qmp-cpu-hotplug/README.md}) as the
 * steps a replaying client takes: messages to send, messages to expect, guest commands and the
 * guest state the agent printed.
 */
record RecordedSession(String name, boolean connects, List<Step> steps, List<String> cpuUevents) {
    sealed interface Step permits Send, Expect, Guest, GuestState {
    }

    /** A message the client sent. */
    record Send(String json) implements Step {
    }

    /** A message QEMU sent (reply or event), verbatim. */
    record Expect(String json) implements Step {
    }

    /** A guest agent command, e.g. {@code onslot 2}. */
    record Guest(String command) implements Step {
    }

    /** A line of the guest agent's state report, e.g. {@code present: 0-2}. */
    record GuestState(String line) implements Step {
    }

    private static final Pattern LINE = Pattern.compile("^\\s*[0-9.]+ (QMP>|QMP<|GST>|GST\\||HOST) (.*)$");
    private static final Pattern UEVENT = Pattern.compile("UEVENT seq=\\d+ (\\S+) (\\S+) subsystem=cpu$");

    static RecordedSession load(String file) throws IOException {
        String text;
        try (InputStream in = RecordedSession.class.getResourceAsStream("/reference/qmp-cpu-hotplug/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Step> steps = new ArrayList<>();
        List<String> uevents = new ArrayList<>();
        boolean connects = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String body = m.group(2);
            switch (m.group(1)) {
                case "QMP>" -> steps.add(new Send(body));
                case "QMP<" -> steps.add(new Expect(body));
                case "GST>" -> steps.add(new Guest(body.substring(body.indexOf(' ') + 1)));
                case "HOST" -> connects |= body.startsWith("--- connecting to the QMP socket");
                default -> {
                    Matcher uevent = UEVENT.matcher(body);
                    if (uevent.find()) {
                        uevents.add(uevent.group(1) + " " + uevent.group(2));
                    } else {
                        steps.add(new GuestState(body.strip()));
                    }
                }
            }
        }
        return new RecordedSession(file, connects, steps, uevents);
    }

    /** Blanks what differs between any two runs: event timestamps and host thread ids. */
    static String normalize(String json) {
        return json.replaceAll("\\{\"seconds\": \\d+, \"microseconds\": \\d+}", "{\"seconds\": S, \"microseconds\": U}")
                .replaceAll("\\{\"thread-id\": \\d+, \"props\"", "{\"thread-id\": T, \"props\"");
    }
}
