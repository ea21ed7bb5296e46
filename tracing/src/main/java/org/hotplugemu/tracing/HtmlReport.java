package org.hotplugemu.tracing;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a self-contained HTML report (well-formed XHTML, no scripts, no external files): a
 * summary, every CPU's buffer counts, the SVG state timeline, the failed spans and the latency table.
 */
final class HtmlReport {
    private static final String STYLE = """
            body{font-family:sans-serif;margin:1em 2em}
            table{border-collapse:collapse;margin:0.5em 0}
            td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}
            td.text,th.text{text-align:left}
            svg.timeline text{font-size:11px;font-family:monospace}
            svg.timeline .tick{stroke:#888}
            svg.timeline .rollback{fill:#d62728;fill-opacity:0.25}
            svg.timeline .failure{stroke:#7f0000}
            """;

    private HtmlReport() {
    }

    static void write(Writer writer, SpanAnalysis analysis, LatencyStats latency, long[] entries, long[] written)
            throws IOException {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>hotplug-emu trace report</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<h1>Trace report</h1>\n");
        summary(out, analysis, entries, written);
        out.append("<h2>State timeline</h2>\n");
        new SvgTimeline(analysis).write(out);
        failures(out, analysis.spans());
        latencyTable(out, latency);
        cpuTable(out, entries, written);
        out.append("</body>\n</html>\n");
        writer.write(out.toString());
    }

    private static void summary(StringBuilder out, SpanAnalysis analysis, long[] entries, long[] written) {
        List<TraceRecord> records = analysis.records();
        long inBuffers = 0;
        long total = 0;
        for (int cpu = 0; cpu < entries.length; cpu++) {
            inBuffers += entries[cpu];
            total += written[cpu];
        }
        out.append("<p class=\"summary\">").append(records.size()).append(" events");
        if (!records.isEmpty()) {
            out.append(" from ").append(Html.seconds(records.get(0).timestampNs())).append(" to ")
                    .append(Html.seconds(records.get(records.size() - 1).timestampNs()));
        }
        out.append("; entries-in-buffer/entries-written ").append(inBuffers).append('/').append(total)
                .append(" (").append(total - inBuffers).append(" lost); ").append(entries.length)
                .append(" CPUs; ").append(analysis.spans().size()).append(" spans.</p>\n");
    }

    private static void failures(StringBuilder out, List<Span> spans) {
        out.append("<h2>Failed spans</h2>\n");
        List<Span> failed = spans.stream().filter(Span::failed).toList();
        if (failed.isEmpty()) {
            out.append("<p>None.</p>\n");
            return;
        }
        out.append("<table class=\"failures\">\n<tr><th>time</th><th class=\"text\">task</th>"
                + "<th class=\"text\">track</th><th class=\"text\">span</th><th class=\"text\">category</th>"
                + "<th class=\"text\">error</th></tr>\n");
        for (Span span : failed) {
            out.append("<tr><td>").append(Html.seconds(span.endNs())).append("</td>");
            cell(out, span.comm() + "-" + span.pid());
            cell(out, span.track().orElse(""));
            cell(out, span.label());
            cell(out, span.category());
            cell(out, span.error().orElse(""));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static void latencyTable(StringBuilder out, LatencyStats latency) {
        out.append("<h2>Latency per state (virtual time, µs)</h2>\n");
        out.append("<table class=\"latency\">\n<tr><th class=\"text\">span</th><th class=\"text\">category</th>"
                + "<th>count</th><th>min</th><th>median</th><th>p99</th><th>max</th><th>total</th>"
                + "<th>failed</th></tr>\n");
        for (LatencyStats.Entry entry : latency.entries()) {
            out.append("<tr>");
            cell(out, entry.label());
            cell(out, entry.category());
            out.append("<td>").append(entry.count()).append("</td>");
            for (long nanos : new long[] {entry.minNs(), entry.medianNs(), entry.p99Ns(), entry.maxNs(),
                    entry.totalNs()}) {
                out.append("<td>").append(Html.micros(nanos)).append("</td>");
            }
            out.append("<td>").append(entry.failures()).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void cpuTable(StringBuilder out, long[] entries, long[] written) {
        out.append("<h2>Ring buffers</h2>\n<table class=\"cpus\">\n<tr><th class=\"text\">CPU</th>"
                + "<th>entries</th><th>written</th><th>lost</th></tr>\n");
        for (int cpu = 0; cpu < entries.length; cpu++) {
            out.append("<tr data-cpu=\"").append(cpu).append("\"><td class=\"text\">CPU ").append(cpu)
                    .append("</td><td>").append(entries[cpu]).append("</td><td>").append(written[cpu])
                    .append("</td><td>").append(written[cpu] - entries[cpu]).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void cell(StringBuilder out, String text) {
        out.append("<td class=\"text\">").append(Html.escape(text)).append("</td>");
    }
}
