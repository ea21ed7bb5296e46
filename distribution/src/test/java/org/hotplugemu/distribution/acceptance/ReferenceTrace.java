package org.hotplugemu.distribution.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cpuhp events out of ftrace text (a reference capture or the emulator's) as comparable
 * lines: {@code "TASK FLAGS EVENT: FIELDS"}, with the task's PID, the CPU column and the timestamp
 * left out, blanks collapsed, and the need-resched flag (timing noise) masked.
 */
final class ReferenceTrace {
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.+?)-\\d+\\s+\\[\\d+\\]\\s+(\\S{5})\\s+\\d+\\.\\d+:\\s+(cpuhp_\\w+):\\s+(.*)$");
    private static final Pattern CPU = Pattern.compile("cpu: (\\d+)");

    private ReferenceTrace() {
    }

    /** Returns the reference file {@code /reference/KERNEL/NAME} from the test resources. */
    static String resource(String kernel, String name) {
        try (InputStream in = ReferenceTrace.class.getResourceAsStream("/reference/" + kernel + "/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference file " + kernel + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns every cpuhp event of {@code trace}, in order, normalised. */
    static List<String> events(String trace) {
        List<String> events = new ArrayList<>();
        for (String line : trace.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                events.add(normalise(m));
            }
        }
        return events;
    }

    /** Returns the normalised cpuhp events of {@code trace} grouped by the CPU they are about (the {@code cpu:} field). */
    static Map<Integer, List<String>> eventsByCpu(String trace) {
        Map<Integer, List<String>> byCpu = new TreeMap<>();
        for (String line : trace.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                Matcher cpu = CPU.matcher(m.group(4));
                cpu.find();
                byCpu.computeIfAbsent(Integer.parseInt(cpu.group(1)), k -> new ArrayList<>()).add(normalise(m));
            }
        }
        return byCpu;
    }

    private static String normalise(Matcher m) {
        String flags = m.group(2).charAt(0) + "." + m.group(2).substring(2);
        return m.group(1).trim() + " " + flags + " " + m.group(3) + ": " + m.group(4).trim().replaceAll("\\s+", " ");
    }
}
