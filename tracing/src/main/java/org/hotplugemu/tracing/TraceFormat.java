package org.hotplugemu.tracing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The formats a trace can be written in, each with the file extension that selects it.
 *
 * <p>Experimental.
 */
public enum TraceFormat {
    /** ftrace text, as {@code /sys/kernel/tracing/trace} reads. */
    TEXT(".txt"),
    /** Chrome trace-event JSON for Perfetto UI. */
    CHROME_JSON(".json"),
    /** A self-contained HTML report with an SVG timeline and latency table. */
    HTML(".html"),
    /** One JSON object per event and line. */
    JSON_LINES(".jsonl");

    private final String extension;

    TraceFormat(String extension) {
        this.extension = extension;
    }

    /** Returns the file extension, with its dot. */
    public String extension() {
        return extension;
    }

    /** Returns the format a file name's extension selects. */
    public static Optional<TraceFormat> forFileName(String fileName) {
        return Arrays.stream(values()).filter(f -> fileName.endsWith(f.extension)).findFirst();
    }
}
