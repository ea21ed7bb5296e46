package org.hotplugemu.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FtraceTextGoldenTest {
    private final TestingTaskContext task = new TestingTaskContext();
    private final Tracing tracing = new Tracing(task, 4);
    private final TestingCpuhpEvents cpuhp = new TestingCpuhpEvents(tracing.tracer());

    private static String golden(String name) throws IOException {
        try (InputStream in = FtraceTextGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void enter(long micros, int target, int idx, String fun) {
        task.atMicros(micros);
        cpuhp.enter.emit(1, target, idx, fun);
    }

    private void exit(long micros, int state, int idx) {
        task.atMicros(micros);
        cpuhp.exit.emit(1, state, idx, 0);
    }

    @Test
    void textOfTheStartOfAnOfflineMatchesTheKernelsTraceFile() throws IOException {
        tracing.enableFromCommandLine("cpuhp:*");
        task.as("sh", 105, 2).atMicros(3_723_313);
        tracing.files().write("trace_marker", "CAPTURE: echo 0 > cpu1/online\n");
        task.as("kworker/0:1", 17, 0);
        enter(3_755_140, 153, 236, "cpuhp_kick_ap_work");
        task.as("cpuhp/1", 19, 1);
        enter(3_755_441, 153, 235, "sched_cpu_deactivate");
        exit(3_779_714, 234, 235);
        enter(3_779_745, 153, 209, "mce_cpu_pre_down");
        exit(3_785_047, 208, 209);
        enter(3_785_076, 153, 208, "ledtrig_prepare_down_cpu");
        exit(3_785_108, 207, 208);
        enter(3_785_119, 153, 202, "vmstat_cpu_down_prep");
        exit(3_785_291, 201, 202);
        enter(3_785_292, 153, 200, "cacheinfo_cpu_pre_down");

        assertThat(tracing.formatText()).isEqualTo(golden("offline-first-lines.txt"));
        assertThat(tracing.files().read("trace")).isEqualTo(golden("offline-first-lines.txt"));
    }

    @Test
    void formatFilesMatchTheKernelsWithIdsInRegistrationOrder() throws IOException {
        assertThat(tracing.files().read("events/cpuhp/cpuhp_enter/format")).isEqualTo(golden("cpuhp_enter.format"));
        assertThat(tracing.files().read("events/cpuhp/cpuhp_exit/format")).isEqualTo(golden("cpuhp_exit.format"));
        assertThat(tracing.files().read("events/cpuhp/cpuhp_multi_enter/id")).isEqualTo("136\n");
    }

    @Test
    void emptyTraceShowsOnlyTheHeader() {
        assertThat(tracing.formatText())
                .startsWith("# tracer: nop\n#\n# entries-in-buffer/entries-written: 0/0   #P:4\n")
                .endsWith("#              | |         |   |||||     |         |\n");
    }

    @Test
    void interruptsOffShowInTheFlagsColumnAndTimestampsRoundToMicroseconds() {
        tracing.enableFromCommandLine("cpuhp:cpuhp_exit");
        task.as("migration/3", 1234567, 3).irqsOff(true).atNanos(12_000_000_499L);
        cpuhp.exit.emit(3, -1, 100, -16);
        task.atNanos(12_000_000_500L);
        cpuhp.exit.emit(3, 5, 6, 0);

        assertThat(tracing.formatText()).endsWith(
                "     migration/3-1234567 [003] d....    12.000000: cpuhp_exit:  cpu: 0003  state:  -1 step: 100 ret: -16\n"
                + "     migration/3-1234567 [003] d....    12.000001: cpuhp_exit:  cpu: 0003  state:   5 step:   6 ret: 0\n");
    }
}
