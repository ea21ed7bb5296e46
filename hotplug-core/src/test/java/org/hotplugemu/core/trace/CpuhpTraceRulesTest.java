package org.hotplugemu.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.tracing.LatencyStats;
import org.hotplugemu.tracing.Span;
import org.hotplugemu.tracing.TestingTaskContext;
import org.hotplugemu.api.trace.TraceEvent;
import org.hotplugemu.tracing.TraceFormat;
import org.hotplugemu.tracing.Tracing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class CpuhpTraceRulesTest {
    private final TestingTaskContext task = new TestingTaskContext();
    private final Tracing tracing = new Tracing(task, 4);
    private TraceEvent enter;
    private TraceEvent multiEnter;
    private TraceEvent exit;

    @BeforeEach
    void registerTheCpuhpEventsAsTheKernelDefinesThem() {
        List<EventField> enterFields = List.of(new EventField("cpu", FieldType.U32),
                new EventField("target", FieldType.S32), new EventField("idx", FieldType.S32),
                new EventField("fun", FieldType.SYMBOL));
        exit = tracing.tracer().register(new EventDefinition("cpuhp", "cpuhp_exit", List.of(
                new EventField("cpu", FieldType.U32), new EventField("state", FieldType.S32),
                new EventField("idx", FieldType.S32), new EventField("ret", FieldType.S32)),
                " cpu: %04u  state: %3d step: %3d ret: %d"));
        multiEnter = tracing.tracer().register(new EventDefinition("cpuhp", "cpuhp_multi_enter", enterFields,
                "cpu: %04u target: %3d step: %3d (%ps)"));
        enter = tracing.tracer().register(new EventDefinition("cpuhp", "cpuhp_enter", enterFields,
                "cpu: %04u target: %3d step: %3d (%ps)"));
        tracing.enableFromCommandLine("cpuhp:*");
        tracing.addRules(new CpuhpTraceRules());
    }

    private void at(long micros, TraceEvent event, Object... values) {
        task.atMicros(micros);
        event.emit(values);
    }

    /** Offline of CPU 1: the control thread kicks the AP thread, which runs two teardowns. */
    private void offlineCpu1() {
        task.as("kworker/0:1", 17, 0);
        at(100, enter, 1, 153, 236, "cpuhp_kick_ap_work");
        task.as("cpuhp/1", 19, 1);
        at(110, enter, 1, 153, 235, "sched_cpu_deactivate");
        at(140, exit, 1, 234, 235, 0);
        at(150, multiEnter, 1, 153, 209, "mce_cpu_pre_down");
        at(160, exit, 1, 208, 209, 0);
        task.as("kworker/0:1", 17, 0);
        at(200, exit, 1, 153, 236, 0);
    }

    @Test
    void enterEventsOpenSpansNamedByStepAndSymbolWithTheirDirection() {
        offlineCpu1();

        List<Span> spans = tracing.spans();

        assertThat(spans).extracting(Span::label).containsExactly("236 cpuhp_kick_ap_work",
                "235 sched_cpu_deactivate", "209 mce_cpu_pre_down");
        assertThat(spans).extracting(Span::category).containsOnly("down");
        assertThat(spans).extracting(Span::durationNs).containsExactly(100_000L, 30_000L, 10_000L);
        assertThat(spans).allMatch(span -> span.track().equals(Optional.of("CPU 1")) && !span.failed());
    }

    @Test
    void aNonZeroReturnFailsTheStepAndTheRollbackGoesTheOtherWay() {
        task.as("sh", 209, 3);
        at(10, enter, 1, 236, 40, "random_prepare_cpu");
        at(20, exit, 1, 40, 40, 0);
        at(30, enter, 1, 236, 41, "workqueue_prepare_cpu");
        at(45, exit, 1, 40, 41, -12);
        at(50, enter, 1, 0, 40, "random_prepare_cpu");
        at(52, exit, 1, 39, 40, 0);

        List<Span> spans = tracing.spans();

        assertThat(spans).extracting(Span::category).containsExactly("up", "up", "down");
        assertThat(spans.get(1).error()).hasValueSatisfying(error -> assertThat(error).contains("-12"));
        assertThat(spans.get(0).failed()).isFalse();
        LatencyStats latency = tracing.latency();
        assertThat(latency.get("40 random_prepare_cpu", "up")).hasValueSatisfying(e -> {
            assertThat(e.count()).isEqualTo(1);
            assertThat(e.maxNs()).isEqualTo(10_000L);
        });
        assertThat(latency.get("40 random_prepare_cpu", "down")).map(LatencyStats.Entry::maxNs).contains(2_000L);
        assertThat(latency.get("41 workqueue_prepare_cpu", "up")).map(LatencyStats.Entry::failures).contains(1);
    }

    @Test
    void htmlReportEmbedsEveryCpuTrackAndLinksTheFailureToItsRollback() throws Exception {
        offlineCpu1();
        task.as("sh", 209, 3);
        at(300, enter, 1, 236, 41, "workqueue_prepare_cpu");
        at(310, exit, 1, 40, 41, -12);
        at(320, enter, 1, 0, 40, "random_prepare_cpu");
        at(330, exit, 1, 39, 40, 0);

        StringWriter html = new StringWriter();
        tracing.write(TraceFormat.HTML, html);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(html.toString())));

        assertThat(document.getElementsByTagName("script").getLength()).isEqualTo(2);
        String text = html.toString();
        int from = text.indexOf("id=\"trace-data\">") + "id=\"trace-data\">".length();
        JsonNode data = new ObjectMapper().readTree(text.substring(from, text.indexOf("</script>", from)));
        List<String> tracks = new java.util.ArrayList<>();
        data.get("tracks").forEach(track -> tracks.add(track.get("name").asText()));
        assertThat(tracks).containsExactly("CPU 0", "CPU 1", "CPU 2", "CPU 3");
        List<String> failures = new java.util.ArrayList<>();
        data.get("spans").forEach(span -> {
            if (span.has("error")) {
                List<String> rollback = new java.util.ArrayList<>();
                span.get("rollback").forEach(k -> rollback.add(data.get("spans").get(k.asInt()).get("label").asText()));
                failures.add(span.get("label").asText() + " " + span.get("category").asText() + " -> " + rollback);
            }
        });
        assertThat(failures).containsExactly("41 workqueue_prepare_cpu up -> [40 random_prepare_cpu]");
        assertThat(text).contains("<td class=\"text\">ret -12 at step 41, state 40</td>",
                "<td class=\"text\">235 sched_cpu_deactivate</td>");
    }

    @Test
    void eachExitMovesItsCpusTrackToTheExitState() throws Exception {
        offlineCpu1();

        StringWriter json = new StringWriter();
        tracing.write(TraceFormat.CHROME_JSON, json);

        assertThat(json.toString()).contains("{\"name\":\"CPU 1\",\"ph\":\"C\",\"ts\":140.0,\"pid\":1,"
                + "\"args\":{\"state\":234}}", "\"args\":{\"state\":153}}");
    }
}
