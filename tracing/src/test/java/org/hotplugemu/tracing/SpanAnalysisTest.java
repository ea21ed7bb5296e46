package org.hotplugemu.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which spans a failure's rollback is: the patterns of kernel/cpu.c's walks, with the job rules. */
class SpanAnalysisTest {
    private final TestingTaskContext task = new TestingTaskContext();
    private final Tracing tracing = new Tracing(task, 2);
    private final TestingSpanRules rules = new TestingSpanRules(tracing.tracer());
    private long micros;

    SpanAnalysisTest() {
        tracing.addRules(rules);
        tracing.enableFromCommandLine("job:*");
    }

    private void start(String comm, int pid, int cpu, String name, boolean up) {
        task.as(comm, pid, cpu).atMicros(micros += 10);
        rules.start.emit(1, name, up ? 1 : 0);
    }

    private void done(String comm, int pid, int cpu, int ret) {
        task.as(comm, pid, cpu).atMicros(micros += 10);
        rules.done.emit(1, 0, ret);
    }

    private void step(String comm, int pid, int cpu, String name, boolean up) {
        start(comm, pid, cpu, name, up);
        done(comm, pid, cpu, 0);
    }

    private List<String> rollbackOf(String failedLabel) {
        SpanAnalysis analysis = new SpanAnalysis(tracing.records(), List.of(rules), 2);
        List<Span> spans = analysis.spans();
        for (int slot = 0; slot < spans.size(); slot++) {
            if (spans.get(slot).label().equals(failedLabel) && spans.get(slot).failed()) {
                return analysis.rollback(slot).stream().map(k -> spans.get(k).label()).toList();
            }
        }
        throw new AssertionError("no failed span " + failedLabel);
    }

    @Test
    void rollbackRunInsideTheFailedSpanOnAnotherTaskSkipsTheStepsItUndoes() {
        start("ctl", 7, 0, "kick", false);
        step("ap", 8, 1, "b", false);
        step("ap", 8, 1, "a", false);
        step("ap", 8, 1, "a-up", true);
        step("ap", 8, 1, "b-up", true);
        done("ctl", 7, 0, -11);
        start("ctl", 7, 0, "kick-again", false);
        step("ap", 8, 1, "b", false);
        done("ctl", 7, 0, 0);

        assertThat(rollbackOf("kick")).containsExactly("a-up", "b-up");
    }

    @Test
    void rollbackAfterAFailedStepOnTheSameTaskEndsAtTheNextWalkInTheFailedDirection() {
        step("sh", 9, 0, "prepare", true);
        start("sh", 9, 0, "bringup", true);
        done("sh", 9, 0, -5);
        step("sh", 9, 0, "prepare-down", false);
        step("sh", 9, 0, "prepare", true);
        step("sh", 9, 0, "later-down", false);

        assertThat(rollbackOf("bringup")).containsExactly("prepare-down");
    }

    @Test
    void failureWithNothingToUndoHasNoRollbackEvenIfALaterOperationGoesTheOtherWay() {
        start("sh", 9, 0, "first", true);
        done("sh", 9, 0, -12);
        step("sh", 9, 0, "retry", true);
        step("sh", 9, 0, "offline", false);

        assertThat(rollbackOf("first")).isEmpty();
    }
}
