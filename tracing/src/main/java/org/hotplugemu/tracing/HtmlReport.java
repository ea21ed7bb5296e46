package org.hotplugemu.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a self-contained HTML report (well-formed XHTML; inline style, script and data, nothing
 * fetched): a summary, an interactive timeline (a lane per task grouped by CPU, a span per
 * callback, failures linked to the rollback they caused, zoom, pan, hover details), the failed
 * spans, the latency table and every CPU's buffer counts. The tables work without the script.
 */
final class HtmlReport {
    private static final String STYLE = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    private HtmlReport() {
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the tracing jar lacks its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }

    static void write(Writer writer, SpanAnalysis analysis, LatencyStats latency, long[] entries, long[] written)
            throws IOException {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>hotplug-emu trace report</title>\n")
                .append("<style>/*<![CDATA[*/\n").append(STYLE).append("/*]]>*/</style>\n</head>\n<body>\n")
                .append("<h1>Trace report</h1>\n");
        summary(out, analysis, entries, written);
        out.append("<h2>Timeline</h2>\n");
        timeline(out);
        failures(out, analysis);
        latencyTable(out, latency);
        cpuTable(out, entries, written);
        out.append("<script type=\"application/json\" id=\"trace-data\">")
                .append(new ReportData(analysis, entries.length).json()).append("</script>\n")
                .append("<script>//<![CDATA[\n").append(SCRIPT).append("//]]></script>\n</body>\n</html>\n");
        writer.write(out.toString());
    }

    private static void timeline(StringBuilder out) {
        out.append("<div id=\"toolbar\">")
                .append("<button type=\"button\" id=\"zoom-in\" title=\"zoom in (W)\">+</button>")
                .append("<button type=\"button\" id=\"zoom-out\" title=\"zoom out (S)\">\u2212</button>")
                .append("<button type=\"button\" id=\"pan-left\" title=\"pan left (A)\">\u2190</button>")
                .append("<button type=\"button\" id=\"pan-right\" title=\"pan right (D)\">\u2192</button>")
                .append("<button type=\"button\" id=\"reset\" title=\"whole trace, no selection\">Reset</button>")
                .append("<button type=\"button\" id=\"next-failure\">Next failure</button>")
                .append("<span class=\"hint\">wheel: zoom \u00b7 drag or shift+wheel: pan \u00b7 click: details</span>")
                .append("<span class=\"legend\"><span><span class=\"swatch\" style=\"background:#74c476\"></span>up</span>")
                .append("<span><span class=\"swatch\" style=\"background:#6baed6\"></span>down</span>")
                .append("<span><span class=\"swatch\" style=\"background:#d62728\"></span>failed</span>")
                .append("<span><span class=\"swatch\" style=\"background:#fdd0a2;border:1px solid #e6550d\"></span>")
                .append("rollback</span></span></div>\n")
                .append("<div id=\"timeline\"><svg xmlns=\"http://www.w3.org/2000/svg\" id=\"axis\" class=\"timeline\"")
                .append(" width=\"0\" height=\"0\"></svg>\n<div id=\"lanes-scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" id=\"lanes\" class=\"timeline\" width=\"0\" height=\"0\"></svg></div></div>\n")
                .append("<noscript><p>The timeline needs JavaScript; the tables below do not.</p></noscript>\n")
                .append("<div id=\"details\"></div>\n<div id=\"tooltip\" role=\"tooltip\" hidden=\"hidden\"></div>\n");
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

    private static void failures(StringBuilder out, SpanAnalysis analysis) {
        out.append("<h2>Failed spans</h2>\n");
        List<Span> spans = analysis.spans();
        if (spans.stream().noneMatch(Span::failed)) {
            out.append("<p>None.</p>\n");
            return;
        }
        out.append("<table class=\"failures\">\n<tr><th>time</th><th class=\"text\">task</th>"
                + "<th class=\"text\">track</th><th class=\"text\">span</th><th class=\"text\">category</th>"
                + "<th class=\"text\">error</th><th class=\"text\">rollback</th></tr>\n");
        for (int slot = 0; slot < spans.size(); slot++) {
            Span span = spans.get(slot);
            if (!span.failed()) {
                continue;
            }
            out.append("<tr data-span=\"").append(slot).append("\"><td>").append(Html.seconds(span.endNs())).append("</td>");
            cell(out, span.comm() + "-" + span.pid());
            cell(out, span.track().orElse(""));
            cell(out, span.label());
            cell(out, span.category());
            cell(out, span.error().orElse(""));
            List<Integer> rollback = analysis.rollback(slot);
            out.append("<td class=\"text\">");
            if (rollback.isEmpty()) {
                out.append("none found");
            } else {
                Span first = spans.get(rollback.get(0));
                Span last = spans.get(rollback.get(rollback.size() - 1));
                out.append(Html.escape(rollback.size() + (rollback.size() == 1 ? " span (" : " spans (") + first.label() + " \u2026 " + last.label() + ", "
                        + first.comm() + "-" + first.pid() + ") ")).append("<a href=\"#timeline\" data-show-span=\"")
                        .append(slot).append("\">show</a>");
            }
            out.append("</td></tr>\n");
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
