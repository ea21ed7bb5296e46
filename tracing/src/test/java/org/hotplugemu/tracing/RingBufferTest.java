package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.api.trace.TraceEvent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RingBufferTest {
    /** Ring buffer entry header plus the cpuhp_enter record as its format file lays it out (fun ends at 32). */
    private static final int ENTER_ENTRY_BYTES = 8 + 32;

    private final TestingTaskContext task = new TestingTaskContext();
    private final Tracing tracing = new Tracing(task, 8192);
    private final TestingCpuhpEvents cpuhp = new TestingCpuhpEvents(tracing.tracer());

    private void emitEnters(int count) {
        for (int i = 0; i < count; i++) {
            task.atMicros(i);
            cpuhp.enter.emit(1, 0, i, "step_" + i);
        }
    }

    @Test
    void aFullBufferOverwritesItsOldestEntriesAndCountsThemLost() {
        tracing.enableFromCommandLine("cpuhp:cpuhp_enter");
        tracing.files().write("buffer_size_kb", "1\n");
        int fits = 1024 / ENTER_ENTRY_BYTES;
        task.as("cpuhp/1", 19, 1);

        emitEnters(100);

        List<TraceRecord> records = tracing.records();
        assertThat(records).hasSize(fits);
        assertThat(records.get(0).longValue("idx")).isEqualTo(100 - fits);
        assertThat(records.get(fits - 1).longValue("idx")).isEqualTo(99);
        assertThat(tracing.lost()).isEqualTo(100 - fits);
        assertThat(tracing.formatText()).contains("# entries-in-buffer/entries-written: " + fits + "/100   #P:8192\n");
    }

    @Test
    void eachCpuHasItsOwnBufferAndRecordsMergeByTimestampThenEmissionOrder() {
        tracing.enableFromCommandLine("cpuhp:*");
        task.as("a", 10, 8191).atMicros(20);
        cpuhp.exit.emit(1, 2, 3, 0);
        task.as("b", 11, 0).atMicros(10);
        cpuhp.exit.emit(4, 5, 6, 0);
        task.as("c", 12, 5).atMicros(20);
        cpuhp.exit.emit(7, 8, 9, 0);

        assertThat(tracing.records()).extracting(TraceRecord::comm).containsExactly("b", "a", "c");
        assertThat(tracing.entriesPerCpu()[8191]).isEqualTo(1);
        assertThat(tracing.writtenPerCpu()[3]).isZero();
    }

    @Test
    void clearingAndResizingEmptyTheBuffersAndResetTheirCounts() {
        tracing.enableFromCommandLine("cpuhp:*");
        emitEnters(3);
        tracing.files().write("trace", "\n");
        assertThat(tracing.records()).isEmpty();
        assertThat(tracing.formatText()).contains("entries-in-buffer/entries-written: 0/0 ");

        emitEnters(2);
        tracing.files().write("buffer_size_kb", "2048");
        assertThat(tracing.records()).isEmpty();
        assertThat(tracing.files().read("buffer_size_kb")).isEqualTo("2048\n");
    }

    @Test
    void disabledEventsAndTracingOffRecordNothing() {
        emitEnters(1);
        assertThat(cpuhp.enter.isEnabled()).isFalse();
        tracing.files().write("events/cpuhp/cpuhp_enter/enable", "1");
        tracing.files().write("tracing_on", "0");
        assertThat(cpuhp.enter.isEnabled()).isFalse();
        emitEnters(1);
        tracing.marker("ignored");
        assertThat(tracing.records()).isEmpty();

        tracing.files().write("tracing_on", "1\n");
        emitEnters(1);
        assertThat(tracing.records()).hasSize(1);
    }

    @Test
    void stringFieldsTakeTheirLengthInTheBuffer() {
        TraceEvent message = tracing.tracer().register(new EventDefinition("demo", "message",
                List.of(new EventField("msg", FieldType.STRING)), "%s"));
        tracing.enableFromCommandLine("demo:message");
        tracing.setBufferSizeKb(1);
        String big = "x".repeat(500);
        for (int i = 0; i < 3; i++) {
            message.emit(big);
        }
        // 8-byte entry header + 12-byte record + 501 string bytes rounded to 4: only one fits in 1 KB
        assertThat(tracing.records()).hasSize(1);
        assertThat(tracing.lost()).isEqualTo(2);
    }
}
