package org.hotplugemu.distribution.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cpuhp events out of ftrace text (a reference capture or the emulator's) as comparable
 * lines {@code "TASK FLAGS EVENT: FIELDS"}: the task's PID, the CPU column and the timestamp are
 * left out, blanks collapsed, and two things the kernel decides arbitrarily are masked: the
 * need-resched flag (timing) and which worker of a pool runs a work item ({@code kworker/0:0} or
 * {@code kworker/0:1}, shown as {@code kworker/0:*}).
 */
final class ReferenceTrace {
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.+?)-\\d+\\s+\\[\\d+\\]\\s+(\\S{5})\\s+(\\d+\\.\\d+):\\s+(cpuhp_\\w+):\\s+(.*)$");
    private static final Pattern CPU = Pattern.compile("cpu: (\\d+)");

    /** One event with the reference clock's timestamp text. */
    record Event(String timestamp, String line) {
    }

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
        return stamped(trace).stream().map(Event::line).toList();
    }

    /** Returns the normalised cpuhp events of {@code trace} grouped by the CPU they are about (the {@code cpu:} field). */
    static Map<Integer, List<Event>> eventsByCpu(String trace) {
        Map<Integer, List<Event>> byCpu = new TreeMap<>();
        for (Event event : stamped(trace)) {
            Matcher cpu = CPU.matcher(event.line());
            cpu.find();
            byCpu.computeIfAbsent(Integer.parseInt(cpu.group(1)), k -> new ArrayList<>()).add(event);
        }
        return byCpu;
    }

    private static List<Event> stamped(String trace) {
        List<Event> events = new ArrayList<>();
        for (String line : trace.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                String task = m.group(1).trim().replaceFirst("^kworker/(\\d+):\\d+$", "kworker/$1:*");
                String flags = m.group(2).charAt(0) + "." + m.group(2).substring(2);
                events.add(new Event(m.group(3), task + " " + flags + " " + m.group(4) + ": " + m.group(5).trim().replaceAll("\\s+", " ")));
            }
        }
        return events;
    }

    /**
     * Returns the reference's events in the order {@code actual} has them wherever the reference
     * cannot tell the order: a run of events with the same timestamp (a freshly started CPU's
     * clock not yet in step, so the capture's merge order there is arbitrary) takes the actual
     * order when the actual events at those positions are the same lines; everything else keeps
     * the reference's order.
     */
    static List<String> alignClockTies(List<Event> reference, List<String> actual) {
        List<String> aligned = new ArrayList<>();
        int i = 0;
        while (i < reference.size()) {
            int j = i;
            while (j < reference.size() && reference.get(j).timestamp().equals(reference.get(i).timestamp())) {
                j++;
            }
            List<String> group = reference.subList(i, j).stream().map(Event::line).toList();
            int from = Math.min(aligned.size(), actual.size());
            List<String> window = actual.subList(from, Math.min(from + group.size(), actual.size()));
            aligned.addAll(sorted(window).equals(sorted(group)) ? window : group);
            i = j;
        }
        return aligned;
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
