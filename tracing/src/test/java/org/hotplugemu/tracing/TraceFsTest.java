package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventDefinition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotplugemu.tracing.TraceFsException.Kind;
import org.junit.jupiter.api.Test;

class TraceFsTest {
    private final TestingTaskContext task = new TestingTaskContext();
    private final Tracing tracing = new Tracing(task, 4);
    private final TestingCpuhpEvents cpuhp = new TestingCpuhpEvents(tracing.tracer());
    private final TraceFs fs = tracing.files();

    private static Kind kindOf(Runnable action) {
        try {
            action.run();
        } catch (TraceFsException e) {
            return e.kind();
        }
        throw new AssertionError("expected a TraceFsException");
    }

    @Test
    void directoriesListSortedWithSubdirectoriesMarked() {
        tracing.tracer().register(new EventDefinition("demo", "tick", List.of(), "tick"));

        assertThat(fs.list("")).containsExactly("buffer_size_kb", "events/", "trace", "trace_clock", "trace_marker", "tracing_on");
        assertThat(fs.list("events")).containsExactly("cpuhp/", "demo/", "enable", "filter");
        assertThat(fs.list("/sys/kernel/tracing/events/cpuhp/"))
                .containsExactly("cpuhp_enter/", "cpuhp_exit/", "cpuhp_multi_enter/", "enable", "filter");
        assertThat(fs.list("events/cpuhp/cpuhp_exit")).containsExactly("enable", "filter", "format", "id");
        assertThat(fs.isDirectory("events/demo")).isTrue();
        assertThat(fs.exists("events/demo/tock")).isFalse();
        assertThat(fs.writable("events/cpuhp/cpuhp_exit/format")).isFalse();
        assertThat(fs.writable("trace_marker")).isTrue();
    }

    @Test
    void enableFilesShowEachEventAndMixedSystemsAsX() {
        assertThat(fs.read("events/enable")).isEqualTo("0\n");
        fs.write("events/cpuhp/cpuhp_enter/enable", "1\n");

        assertThat(fs.read("events/cpuhp/cpuhp_enter/enable")).isEqualTo("1\n");
        assertThat(fs.read("events/cpuhp/cpuhp_exit/enable")).isEqualTo("0\n");
        assertThat(fs.read("events/cpuhp/enable")).isEqualTo("X\n");
        assertThat(fs.read("events/enable")).isEqualTo("X\n");

        fs.write("events/cpuhp/enable", "1");
        assertThat(fs.read("events/enable")).isEqualTo("1\n");
        assertThat(cpuhp.multiEnter.isEnabled()).isTrue();
        fs.write("events/enable", "0");
        assertThat(cpuhp.exit.isEnabled()).isFalse();
    }

    @Test
    void errorsCarryTheKindTheHostMapsToAnErrno() {
        assertThat(kindOf(() -> fs.write("events/cpuhp/enable", "2"))).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(kindOf(() -> fs.write("tracing_on", "yes"))).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(kindOf(() -> fs.write("buffer_size_kb", "0"))).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(kindOf(() -> fs.read("events/nosuch/enable"))).isEqualTo(Kind.NOT_FOUND);
        assertThat(kindOf(() -> fs.read("events/cpuhp"))).isEqualTo(Kind.IS_DIRECTORY);
        assertThat(kindOf(() -> fs.write("events/cpuhp/cpuhp_enter/format", "x"))).isEqualTo(Kind.READ_ONLY);
        assertThat(kindOf(() -> fs.read("trace_marker"))).isEqualTo(Kind.INVALID_ARGUMENT);
    }

    @Test
    void tracingOnAndBufferSizeReadBackWhatWasWritten() {
        assertThat(fs.read("tracing_on")).isEqualTo("1\n");
        assertThat(fs.read("buffer_size_kb")).isEqualTo("1408\n");
        fs.write("tracing_on", "0");
        fs.write("buffer_size_kb", "7");

        assertThat(fs.read("tracing_on")).isEqualTo("0\n");
        assertThat(tracing.bufferSizeKb()).isEqualTo(7);
    }

    @Test
    void traceMarkerRecordsAPrintEventEvenWithNoEventEnabled() {
        task.as("sh", 105, 2).atMicros(3_723_313);
        fs.write("trace_marker", "hello\n");

        assertThat(fs.read("trace")).endsWith("              sh-105     [002] .....     3.723313: "
                + "tracing_mark_write: hello\n");
        assertThat(tracing.records()).singleElement().satisfies(r -> assertThat(r.is("ftrace", "print")).isTrue());
    }
}
