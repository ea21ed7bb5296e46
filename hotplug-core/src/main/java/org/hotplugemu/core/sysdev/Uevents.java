package org.hotplugemu.core.sysdev;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.api.trace.TraceEvent;
import org.hotplugemu.api.trace.Tracer;

/**
 * The kernel's uevents ({@code kobject_uevent_env}): each gets the next {@code SEQNUM}, is kept in
 * a log a reader can replay (as a udev monitor would have seen it) and is traced as
 * {@code uevent:kobject_uevent} when that event is enabled.
 */
public final class Uevents {
    /** One uevent with its environment in the kernel's order: ACTION, DEVPATH, SUBSYSTEM, extras, SEQNUM. */
    public record Uevent(long seqnum, String action, String devpath, String subsystem, Map<String, String> extra) {
        /** Returns the environment as {@code KEY=value} lines, as {@code udevadm monitor --property} prints it. */
        public List<String> environment() {
            List<String> lines = new ArrayList<>();
            lines.add("ACTION=" + action);
            lines.add("DEVPATH=" + devpath);
            lines.add("SUBSYSTEM=" + subsystem);
            extra.forEach((key, value) -> lines.add(key + "=" + value));
            lines.add("SEQNUM=" + seqnum);
            return lines;
        }
    }

    private final List<Uevent> log = new ArrayList<>();
    private final TraceEvent trace;
    private long seqnum;

    public Uevents(Tracer tracer) {
        this.trace = tracer.register(new EventDefinition("uevent", "kobject_uevent", List.of(
                new EventField("seqnum", FieldType.U64),
                new EventField("action", FieldType.STRING),
                new EventField("devpath", FieldType.STRING),
                new EventField("subsystem", FieldType.STRING)),
                "seq=%lu %s %s subsystem=%s"));
    }

    /** Emits a uevent; {@code extra} are pairs of key and value such as {@code DRIVER, processor}. */
    public Uevent emit(String action, String devpath, String subsystem, String... extra) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        Uevent event;
        synchronized (log) {
            event = new Uevent(++seqnum, action, devpath, subsystem, Map.copyOf(env));
            log.add(event);
        }
        if (trace.isEnabled()) {
            trace.emit(event.seqnum(), action, devpath, subsystem);
        }
        return event;
    }

    /** Returns every uevent so far, oldest first. */
    public List<Uevent> all() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Returns the uevents with a sequence number above {@code after}. */
    public List<Uevent> since(long after) {
        return all().stream().filter(event -> event.seqnum() > after).toList();
    }

    /** Returns the log as text: each uevent's environment, one blank line between them. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Uevent event : all()) {
            event.environment().forEach(line -> out.append(line).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }
}
