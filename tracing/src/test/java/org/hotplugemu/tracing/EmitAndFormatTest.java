package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.api.trace.TraceEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmitAndFormatTest {
    private final TestingTaskContext task = new TestingTaskContext();
    private final Tracing tracing = new Tracing(task, 2);

    private TraceRecord emitOne(String format, List<EventField> fields, Object... values) {
        TraceEvent event = tracing.tracer().register(new EventDefinition("demo", "e" + fields.hashCode(),
                fields, format));
        tracing.enableFromCommandLine("demo:*");
        event.emit(values);
        return tracing.records().get(tracing.records().size() - 1);
    }

    @Test
    void printfEngineFormatsWidthsPaddingSignsAndSymbols() {
        TraceRecord record = emitOne("[%-5d|%05d|%x|%lx|%llu|%u|%c|%-8s|%ps|%.3s|%%]", List.of(
                new EventField("a", FieldType.S32), new EventField("b", FieldType.S32),
                new EventField("c", FieldType.U32), new EventField("d", FieldType.U64),
                new EventField("e", FieldType.U64), new EventField("f", FieldType.U32),
                new EventField("g", FieldType.U8), new EventField("h", FieldType.STRING),
                new EventField("i", FieldType.SYMBOL), new EventField("j", FieldType.STRING)),
                -12, -42, 255, 0xdeadbeefL, -1L, -1, 65, "ab", "do_thing", "abcdef");

        assertThat(record.text()).isEqualTo("[-12  |-0042|ff|deadbeef|18446744073709551615|4294967295|A|ab      "
                + "|do_thing|abc|%]");
        assertThat(record.longValue("f")).isEqualTo(4294967295L);
    }

    @Test
    void emitRejectsValuesThatDoNotMatchTheFields() {
        TraceEvent event = tracing.tracer().register(new EventDefinition("demo", "pair",
                List.of(new EventField("n", FieldType.S32), new EventField("s", FieldType.SYMBOL)), "%d %ps"));
        tracing.enableFromCommandLine("demo:pair");

        assertThatThrownBy(() -> event.emit(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 2 values");
        assertThatThrownBy(() -> event.emit("x", "y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field n");
    }

    @Test
    void registrationRejectsDuplicatesAndFormatsNeedingMoreFieldsThanDeclared() {
        EventDefinition one = new EventDefinition("demo", "one", List.of(), "plain");
        tracing.tracer().register(one);

        assertThatThrownBy(() -> tracing.tracer().register(one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered");
        assertThatThrownBy(() -> tracing.tracer().register(new EventDefinition("demo", "two", List.of(), "%d")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conversions");
        assertThatThrownBy(() -> tracing.tracer().register(new EventDefinition("demo", "three",
                List.of(new EventField("f", FieldType.S32)), "%q"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("%q");
    }

    @Test
    void eventsListBySystemThenNameWithDeterministicIds() {
        TraceEvent b = tracing.tracer().register(new EventDefinition("zeta", "b", List.of(), "b"));
        TraceEvent a = tracing.tracer().register(new EventDefinition("alpha", "a", List.of(), "a"));

        assertThat(tracing.tracer().events()).containsExactly(a, b);
        assertThat(b.id()).isEqualTo(a.id() - 1);
        assertThat(tracing.tracer().event("zeta", "b")).contains(b);
    }

    @Test
    void writeToRejectsUnknownExtensionsNamingTheKnownOnes() {
        assertThatThrownBy(() -> tracing.writeTo(java.nio.file.Path.of("trace.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".txt").hasMessageContaining(".json").hasMessageContaining(".html")
                .hasMessageContaining(".jsonl");
    }
}
