package org.hotplugemu.tracing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.tracing.TraceFsException.Kind;

/**
 * The files of {@code /sys/kernel/tracing}, with paths relative to it (e.g.
 * {@code events/cpuhp/cpuhp_enter/enable}): {@code trace}, {@code tracing_on},
 * {@code buffer_size_kb}, {@code trace_marker} and the {@code events} tree with its
 * {@code enable}, {@code format} and {@code id} files, behaving as the kernel's do.
 */
public final class TraceFs {
    private static final List<String> ROOT = List.of("buffer_size_kb", "events/", "trace", "trace_clock", "trace_marker",
            "tracing_on");

    private final Tracing tracing;
    private final EventRegistry registry;

    TraceFs(Tracing tracing, EventRegistry registry) {
        this.tracing = requireNonNull(tracing, "tracing is null");
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** A resolved path: what it is, and for event files which system and event. */
    private record Node(String kind, String system, RegisteredEvent event) {
        boolean directory() {
            return kind.endsWith("/");
        }
    }

    private static String normalize(String path) {
        requireNonNull(path, "path is null");
        String p = path.strip();
        if (p.startsWith("/sys/kernel/tracing")) {
            p = p.substring("/sys/kernel/tracing".length());
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Returns the node at {@code path}, or null. */
    private Node resolve(String path) {
        String p = normalize(path);
        if (p.isEmpty()) {
            return new Node("root/", null, null);
        }
        String[] parts = p.split("/");
        if (parts.length == 1) {
            return ROOT.contains(parts[0]) ? new Node(parts[0], null, null)
                    : parts[0].equals("events") ? new Node("events/", null, null) : null;
        }
        if (!parts[0].equals("events") || parts.length > 4) {
            return null;
        }
        if (parts.length == 2) {
            if (parts[1].equals("enable") || parts[1].equals("filter")) {
                return new Node(parts[1], null, null);
            }
            return registry.system(parts[1]).isEmpty() ? null : new Node("system/", parts[1], null);
        }
        if (registry.system(parts[1]).isEmpty()) {
            return null;
        }
        if (parts.length == 3 && (parts[2].equals("enable") || parts[2].equals("filter"))) {
            return new Node(parts[2], parts[1], null);
        }
        RegisteredEvent event = (RegisteredEvent) registry.event(parts[1], parts[2]).orElse(null);
        if (event == null) {
            return null;
        }
        if (parts.length == 3) {
            return new Node("event/", parts[1], event);
        }
        return List.of("enable", "filter", "format", "id").contains(parts[3]) ? new Node(parts[3], parts[1], event) : null;
    }

    private Node existing(String path) {
        Node node = resolve(path);
        if (node == null) {
            throw new TraceFsException(Kind.NOT_FOUND, "/sys/kernel/tracing/" + normalize(path)
                    + ": no such file or directory; list the parent directory to see what exists");
        }
        return node;
    }

    /** Returns whether {@code path} exists. */
    public boolean exists(String path) {
        return resolve(path) != null;
    }

    /** Returns whether {@code path} is a directory. */
    public boolean isDirectory(String path) {
        Node node = resolve(path);
        return node != null && node.directory();
    }

    /** Returns whether {@code path} is a file that accepts writes. */
    public boolean writable(String path) {
        Node node = resolve(path);
        return node != null && !node.directory() && !node.kind().equals("format") && !node.kind().equals("id");
    }

    /** Returns the sorted entries of directory {@code dir}; subdirectories end with {@code /}. */
    public List<String> list(String dir) {
        Node node = existing(dir);
        List<String> names = new ArrayList<>();
        switch (node.kind()) {
            case "root/" -> names.addAll(ROOT);
            case "events/" -> {
                names.add("enable");
                names.add("filter");
                registry.systemNames().forEach(system -> names.add(system + "/"));
            }
            case "system/" -> {
                names.add("enable");
                names.add("filter");
                registry.system(node.system()).forEach(event -> names.add(event.definition().name() + "/"));
            }
            case "event/" -> names.addAll(List.of("enable", "filter", "format", "id"));
            default -> throw new TraceFsException(Kind.INVALID_ARGUMENT, "/sys/kernel/tracing/"
                    + normalize(dir) + " is a file, not a directory; read it instead");
        }
        names.sort(null);
        return List.copyOf(names);
    }

    /** Returns the content of file {@code path}. */
    public String read(String path) {
        Node node = existing(path);
        return switch (node.kind()) {
            case "trace" -> tracing.formatText();
            case "tracing_on" -> tracing.tracingOn() ? "1\n" : "0\n";
            case "buffer_size_kb" -> tracing.bufferSizeKb() + "\n";
            case "trace_marker" -> throw new TraceFsException(Kind.INVALID_ARGUMENT,
                    "trace_marker is write-only; read the trace file to see what was written");
            case "enable" -> enableState(enableTargets(node));
            case "format" -> node.event().formatFile();
            case "id" -> node.event().id() + "\n";
            case "filter" -> "none\n";
            case "trace_clock" -> tracing.traceClockFile();
            default -> throw new TraceFsException(Kind.IS_DIRECTORY,
                    "/sys/kernel/tracing/" + normalize(path) + " is a directory; list it instead");
        };
    }

    /** Writes {@code value} to file {@code path}, as {@code echo value > path} would. */
    public void write(String path, String value) {
        requireNonNull(value, "value is null");
        Node node = existing(path);
        String v = value.strip();
        switch (node.kind()) {
            case "trace" -> tracing.clear();
            case "tracing_on" -> tracing.setTracingOn(parseFlag(path, v));
            case "buffer_size_kb" -> tracing.setBufferSizeKb(parseSize(v));
            case "trace_marker" -> tracing.marker(value.endsWith("\n") ? value.substring(0, value.length() - 1)
                    : value);
            case "enable" -> registry.setEnabled(enableTargets(node), parseFlag(path, v));
            case "filter" -> {
                // "0" clears a filter, as in the kernel; expressions are not evaluated here, so refuse
                // them rather than accept a filter that would not filter.
                if (!v.equals("0")) {
                    throw new TraceFsException(Kind.INVALID_ARGUMENT, "/sys/kernel/tracing/" + normalize(path)
                            + ": event filter expressions are not supported by hotplug-emu; only 0 (clear) is accepted");
                }
            }
            case "trace_clock" -> tracing.setTraceClock(v);
            case "format", "id" -> throw new TraceFsException(Kind.READ_ONLY,
                    "/sys/kernel/tracing/" + normalize(path) + " is read-only");
            default -> throw new TraceFsException(Kind.IS_DIRECTORY,
                    "/sys/kernel/tracing/" + normalize(path) + " is a directory; write a file in it");
        }
    }

    private List<RegisteredEvent> enableTargets(Node node) {
        if (node.event() != null) {
            return List.of(node.event());
        }
        return node.system() != null ? registry.system(node.system()) : registry.all();
    }

    /** "1" when all are enabled, "0" when none is, "X" when mixed, as the kernel shows. */
    private static String enableState(List<RegisteredEvent> events) {
        long enabled = events.stream().filter(RegisteredEvent::enabled).count();
        return enabled == 0 ? "0\n" : enabled == events.size() ? "1\n" : "X\n";
    }

    private static boolean parseFlag(String path, String value) {
        return switch (value) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new TraceFsException(Kind.INVALID_ARGUMENT, "/sys/kernel/tracing/" + normalize(path)
                    + " takes 0 or 1, not '" + value + "'");
        };
    }

    private static int parseSize(String value) {
        try {
            int kb = Integer.parseInt(value);
            if (kb > 0) {
                return kb;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TraceFsException(Kind.INVALID_ARGUMENT,
                "buffer_size_kb takes a positive number of kilobytes per CPU, not '" + value + "'");
    }
}
