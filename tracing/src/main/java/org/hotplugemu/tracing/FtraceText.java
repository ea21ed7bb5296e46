package org.hotplugemu.tracing;

import java.util.List;

/** Formats records as the kernel's {@code /sys/kernel/tracing/trace} file shows them. */
final class FtraceText {
    private static final String LEGEND = """
            #
            #                                _-----=> irqs-off/BH-disabled
            #                               / _----=> need-resched
            #                              | / _---=> hardirq/softirq
            #                              || / _--=> preempt-depth
            #                              ||| / _-=> migrate-disable
            #                              |||| /     delay
            #           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION
            #              | |         |   |||||     |         |
            """;

    private FtraceText() {
    }

    /** Returns the whole file: the header with its counts, then one line per record. */
    static String format(List<TraceRecord> records, long entries, long written, int cpus) {
        StringBuilder out = new StringBuilder(256 + records.size() * 100);
        out.append("# tracer: nop\n#\n");
        out.append("# entries-in-buffer/entries-written: ").append(entries).append('/').append(written)
                .append("   #P:").append(cpus).append('\n');
        out.append(LEGEND);
        for (TraceRecord record : records) {
            line(out, record);
        }
        return out.toString();
    }

    /** Appends one line: {@code %16s-%-7d [%03d] FLAGS %5lu.%06lu: event: text}. */
    static void line(StringBuilder out, TraceRecord record) {
        padLeft(out, record.comm(), 16);
        out.append('-');
        int start = out.length();
        out.append(record.pid());
        out.repeat(' ', Math.max(0, 7 - (out.length() - start)));
        out.append(" [");
        padLeftZero(out, record.cpu(), 3);
        out.append("] ").append(record.flags()).append(' ');
        // the kernel rounds the nanosecond clock to the nearest microsecond
        long micros = (record.timestampNs() + 500) / 1000;
        padLeft(out, Long.toString(micros / 1_000_000), 5);
        out.append('.');
        padLeftZero(out, micros % 1_000_000, 6);
        out.append(": ").append(record.eventText()).append('\n');
    }

    private static void padLeft(StringBuilder out, String text, int width) {
        out.repeat(' ', Math.max(0, width - text.length())).append(text);
    }

    private static void padLeftZero(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        out.repeat('0', Math.max(0, width - digits.length())).append(digits);
    }
}
