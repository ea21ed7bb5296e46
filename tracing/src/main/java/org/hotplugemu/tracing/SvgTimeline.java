package org.hotplugemu.tracing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the state tracks as an SVG timeline: one row per track, one rectangle per interval at a
 * value, failed spans as red marks and the rollback after each as a hatched band.
 */
final class SvgTimeline {
    private static final int LABEL_WIDTH = 120;
    private static final int PLOT_WIDTH = 1000;
    private static final int ROW_HEIGHT = 16;
    private static final int AXIS_HEIGHT = 24;

    private final SpanAnalysis analysis;
    private final long startNs;
    private final long endNs;

    SvgTimeline(SpanAnalysis analysis) {
        this.analysis = analysis;
        List<TraceRecord> records = analysis.records();
        this.startNs = records.isEmpty() ? 0 : records.get(0).timestampNs();
        this.endNs = records.isEmpty() ? 1 : Math.max(startNs + 1, records.get(records.size() - 1).timestampNs());
    }

    private double x(long timeNs) {
        return LABEL_WIDTH + (double) (timeNs - startNs) * PLOT_WIDTH / (endNs - startNs);
    }

    void write(StringBuilder out) {
        List<String> tracks = analysis.tracks();
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String track : tracks) {
            rows.put(track, rows.size());
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        Map<String, List<SpanAnalysis.TimedState>> byTrack = new LinkedHashMap<>();
        for (SpanAnalysis.TimedState state : analysis.states()) {
            byTrack.computeIfAbsent(state.change().track(), t -> new ArrayList<>()).add(state);
            min = Math.min(min, state.change().value());
            max = Math.max(max, state.change().value());
        }
        int height = AXIS_HEIGHT + rows.size() * ROW_HEIGHT + 4;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"")
                .append(LABEL_WIDTH + PLOT_WIDTH + 10).append("\" height=\"").append(height).append("\">\n");
        axis(out);
        for (Map.Entry<String, Integer> row : rows.entrySet()) {
            int y = AXIS_HEIGHT + row.getValue() * ROW_HEIGHT;
            out.append("<g class=\"track\" data-track=\"").append(Html.escape(row.getKey())).append("\">");
            out.append("<text x=\"2\" y=\"").append(y + ROW_HEIGHT - 4).append("\">")
                    .append(Html.escape(row.getKey())).append("</text>");
            List<SpanAnalysis.TimedState> states = byTrack.getOrDefault(row.getKey(), List.of());
            for (int i = 0; i < states.size(); i++) {
                SpanAnalysis.TimedState state = states.get(i);
                long until = i + 1 < states.size() ? states.get(i + 1).timeNs() : endNs;
                rect(out, "state", x(state.timeNs()), y, x(until), shade(state.change().value(), min, max),
                        state.change().label() + " from " + Html.seconds(state.timeNs()));
            }
            out.append("</g>\n");
        }
        failures(out, rows);
        out.append("</svg>\n");
    }

    private void axis(StringBuilder out) {
        for (int tick = 0; tick <= 4; tick++) {
            long time = startNs + (endNs - startNs) * tick / 4;
            double at = x(time);
            out.append("<line class=\"tick\" x1=\"").append(fmt(at)).append("\" y1=\"").append(AXIS_HEIGHT - 6)
                    .append("\" x2=\"").append(fmt(at)).append("\" y2=\"").append(AXIS_HEIGHT).append("\"/>");
            out.append("<text x=\"").append(fmt(Math.min(at, LABEL_WIDTH + PLOT_WIDTH - 60))).append("\" y=\"12\">")
                    .append(Html.seconds(time)).append("</text>\n");
        }
    }

    private void failures(StringBuilder out, Map<String, Integer> rows) {
        List<Span> spans = analysis.spans();
        for (int k = 0; k < spans.size(); k++) {
            Span failed = spans.get(k);
            if (!failed.failed() || failed.track().isEmpty() || !rows.containsKey(failed.track().get())) {
                continue;
            }
            int y = AXIS_HEIGHT + rows.get(failed.track().get()) * ROW_HEIGHT;
            long rollbackEnd = rollbackEnd(spans, k);
            if (rollbackEnd > failed.endNs()) {
                rect(out, "rollback", x(failed.endNs()), y, x(rollbackEnd), null,
                        "rollback after " + failed.label() + " (" + failed.error().get() + ")");
            }
            rect(out, "failure", x(failed.startNs()), y, Math.max(x(failed.endNs()), x(failed.startNs()) + 2),
                    "#d62728", "failed " + failed.label() + ": " + failed.error().get());
        }
    }

    /** The rollback after a failed span: the following spans on its track in another category. */
    private static long rollbackEnd(List<Span> spans, int failedIndex) {
        Span failed = spans.get(failedIndex);
        long end = failed.endNs();
        for (int j = failedIndex + 1; j < spans.size(); j++) {
            Span next = spans.get(j);
            if (!next.track().equals(failed.track()) || next.startNs() < failed.endNs()) {
                continue;
            }
            if (next.category().equals(failed.category())) {
                break;
            }
            end = Math.max(end, next.endNs());
        }
        return end;
    }

    private static void rect(StringBuilder out, String kind, double from, int y, double to, String fill,
            String title) {
        out.append("<rect class=\"").append(kind).append("\" x=\"").append(fmt(from)).append("\" y=\"")
                .append(y + 1).append("\" width=\"").append(fmt(Math.max(0.5, to - from))).append("\" height=\"")
                .append(ROW_HEIGHT - 2).append('"');
        if (fill != null) {
            out.append(" fill=\"").append(fill).append('"');
        }
        out.append("><title>").append(Html.escape(title)).append("</title></rect>");
    }

    /** Higher values darker, so that "more up" reads as more ink. */
    private static String shade(long value, long min, long max) {
        double fraction = max == min ? 1.0 : (double) (value - min) / (max - min);
        int lightness = (int) Math.round(88 - fraction * 53);
        return "hsl(140,55%," + lightness + "%)";
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
