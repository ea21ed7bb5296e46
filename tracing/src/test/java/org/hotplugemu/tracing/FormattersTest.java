package org.hotplugemu.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class FormattersTest {
    private static final int CPUS = 6;

    private final TestingTaskContext task = new TestingTaskContext();
    private final Tracing tracing = new Tracing(task, CPUS);
    private final TestingSpanRules rules = new TestingSpanRules(tracing.tracer());

    /** Two tasks: pid 7 runs nested jobs on CPU 1 (the inner one fails), pid 8 a job left open on CPU 4. */
    @BeforeEach
    void recordNestedFailedAndUnfinishedSpans() {
        tracing.addRules(rules);
        tracing.enableFromCommandLine("job:*");
        task.as("ctl", 7, 0).atMicros(10);
        rules.start.emit(1, "outer <&>", 0);
        task.atMicros(20);
        rules.start.emit(1, "inner", 0);
        task.atMicros(30);
        rules.done.emit(1, 5, -16);
        task.atMicros(35);
        rules.start.emit(1, "undo", 1);
        task.atMicros(38);
        rules.done.emit(1, 6, 0);
        task.atMicros(40);
        rules.done.emit(1, 4, 0);
        task.as("ap", 8, 4).atMicros(45);
        rules.start.emit(4, "stuck", 1);
        tracing.marker("note \"quoted\"");
    }

    private String write(TraceFormat format) throws Exception {
        StringWriter out = new StringWriter();
        tracing.write(format, out);
        return out.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void chromeJsonParsesWithMatchingBeginEndPairsPerThread() throws Exception {
        Map<String, Object> root = (Map<String, Object>) TestingJson.parse(write(TraceFormat.CHROME_JSON));
        List<Map<String, Object>> events = (List<Map<String, Object>>) root.get("traceEvents");

        Map<Object, Deque<String>> open = new HashMap<>();
        List<String> threads = new ArrayList<>();
        List<String> completed = new ArrayList<>();
        for (Map<String, Object> event : events) {
            switch ((String) event.get("ph")) {
                case "M" -> threads.add(String.valueOf(((Map<String, Object>) event.get("args")).get("name")));
                case "B" -> open.computeIfAbsent(event.get("tid"), t -> new ArrayDeque<>()).push((String) event.get("name"));
                case "E" -> {
                    String begun = open.get(event.get("tid")).pop();
                    assertThat(event.get("name")).isEqualTo(begun);
                    completed.add(begun);
                }
                default -> { }
            }
        }
        assertThat(open.values()).allMatch(Deque::isEmpty);
        assertThat(completed).containsExactly("inner", "undo", "outer <&>", "stuck");
        assertThat(threads).contains("emulated machine", "ctl-7", "ap-8");
        assertThat(events).anyMatch(e -> "E".equals(e.get("ph"))
                && "ret -16".equals(((Map<String, Object>) e.get("args")).get("error")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void htmlReportParsesAndEmbedsLanesSpansAndRollbackLinksAsJson() throws Exception {
        String html = write(TraceFormat.HTML);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(html)));

        NodeList rows = document.getElementsByTagName("tr");
        List<String> cpus = new ArrayList<>();
        List<String> failedRows = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            var cpu = rows.item(i).getAttributes().getNamedItem("data-cpu");
            if (cpu != null) {
                cpus.add(cpu.getNodeValue());
            }
            var span = rows.item(i).getAttributes().getNamedItem("data-span");
            if (span != null) {
                failedRows.add(span.getNodeValue() + " " + rows.item(i).getTextContent());
            }
        }
        assertThat(cpus).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(failedRows).singleElement().asString().startsWith("1 ").contains("inner", "ret -16", "1 span (undo");
        assertThat(html).contains("outer &lt;&amp;&gt;").doesNotContain(" src=", "@import", "<link", "url(http");

        String marker = "id=\"trace-data\">";
        int from = html.indexOf(marker) + marker.length();
        String json = html.substring(from, html.indexOf("</script>", from));
        assertThat(json).doesNotContain("<", ">", "&");
        Map<String, Object> data = (Map<String, Object>) TestingJson.parse(json);
        assertThat((List<Map<String, Object>>) data.get("lanes")).extracting(lane -> lane.get("name") + "@" + lane.get("cpu"))
                .containsExactly("ctl-7@0", "ap-8@4");
        List<Map<String, Object>> spans = (List<Map<String, Object>>) data.get("spans");
        assertThat(spans).extracting(span -> span.get("label")).containsExactly("outer <&>", "inner", "undo", "stuck");
        assertThat(spans.get(1)).containsEntry("error", "ret -16").containsEntry("rollback", List.of(2))
                .containsEntry("category", "down").containsEntry("start", 10_000).containsEntry("end", 20_000)
                .containsEntry("beginEvent", "start: cpu=1 inner forward=0").containsEntry("endEvent", "done: cpu=1 level=5 ret=-16");
        assertThat(spans.get(2)).containsEntry("cause", 1).containsEntry("depth", 1);
        assertThat(spans.get(3)).containsEntry("finished", false).doesNotContainKey("endEvent");
        assertThat((List<Map<String, Object>>) data.get("instants")).extracting(instant -> instant.get("text"))
                .containsExactly("tracing_mark_write: note \"quoted\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonLinesHoldOneParsableObjectPerRecord() throws Exception {
        List<String> lines = write(TraceFormat.JSON_LINES).lines().toList();

        assertThat(lines).hasSize(tracing.records().size());
        Map<String, Object> first = (Map<String, Object>) TestingJson.parse(lines.get(0));
        assertThat(first).containsEntry("comm", "ctl").containsEntry("event", "start").containsEntry("cpu", 0);
        assertThat((Map<String, Object>) first.get("fields")).containsEntry("name", "outer <&>");
        Map<String, Object> last = (Map<String, Object>) TestingJson.parse(lines.get(lines.size() - 1));
        assertThat(last).containsEntry("text", "tracing_mark_write: note \"quoted\"");
    }

    @Test
    void latencyGroupsFinishedSpansByLabelAndCategory() {
        LatencyStats latency = tracing.latency();

        assertThat(latency.entries()).extracting(LatencyStats.Entry::label).containsExactly("outer <&>", "inner", "undo");
        assertThat(latency.get("outer <&>", "down")).map(LatencyStats.Entry::maxNs).contains(30_000L);
        assertThat(latency.get("inner", "down")).map(LatencyStats.Entry::failures).contains(1);
        assertThat(tracing.spans()).filteredOn(span -> !span.finished()).extracting(Span::label).containsExactly("stuck");
    }

    @Test
    void writeToPicksTheFormatByExtension(@TempDir Path dir) throws Exception {
        for (TraceFormat format : TraceFormat.values()) {
            Path file = dir.resolve("trace" + format.extension());
            tracing.writeTo(file);
            assertThat(Files.readString(file)).isEqualTo(write(format));
        }
    }
}
