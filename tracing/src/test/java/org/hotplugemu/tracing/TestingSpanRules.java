package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.api.trace.TraceEvent;
import org.hotplugemu.api.trace.Tracer;

import java.util.List;
import java.util.Optional;

/** Rules for a made-up "job" system: job:start opens a span, job:done closes it and sets a CPU track. */
final class TestingSpanRules implements TraceRules {
    final TraceEvent start;
    final TraceEvent done;

    TestingSpanRules(Tracer tracer) {
        start = tracer.register(new EventDefinition("job", "start", List.of(new EventField("cpu", FieldType.U32),
                new EventField("name", FieldType.STRING), new EventField("forward", FieldType.U8)),
                "cpu=%u %s forward=%d"));
        done = tracer.register(new EventDefinition("job", "done", List.of(new EventField("cpu", FieldType.U32),
                new EventField("level", FieldType.S32), new EventField("ret", FieldType.S32)),
                "cpu=%u level=%d ret=%d"));
    }

    @Override
    public Optional<SpanStart> onBegin(TraceRecord record) {
        return record.is("job", "start") ? Optional.of(new SpanStart(record.stringValue("name"),
                record.longValue("forward") != 0 ? "up" : "down", Optional.of("CPU " + record.longValue("cpu"))))
                : Optional.empty();
    }

    @Override
    public boolean isEnd(TraceRecord record) {
        return record.is("job", "done");
    }

    @Override
    public Optional<String> error(TraceRecord end) {
        return end.longValue("ret") == 0 ? Optional.empty() : Optional.of("ret " + end.longValue("ret"));
    }

    @Override
    public Optional<StateChange> stateChange(TraceRecord record) {
        return isEnd(record) ? Optional.of(new StateChange("CPU " + record.longValue("cpu"),
                record.longValue("level"), "level " + record.longValue("level"))) : Optional.empty();
    }
}
