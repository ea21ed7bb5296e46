package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.api.trace.TraceEvent;
import org.hotplugemu.api.trace.Tracer;

import java.util.List;

/** The three cpuhp tracepoints as the kernel defines them, registered in the core's order. */
final class TestingCpuhpEvents {
    final TraceEvent exit;
    final TraceEvent multiEnter;
    final TraceEvent enter;

    TestingCpuhpEvents(Tracer tracer) {
        List<EventField> enterFields = List.of(new EventField("cpu", FieldType.U32),
                new EventField("target", FieldType.S32), new EventField("idx", FieldType.S32),
                new EventField("fun", FieldType.SYMBOL));
        String enterFormat = "cpu: %04u target: %3d step: %3d (%ps)";
        exit = tracer.register(new EventDefinition("cpuhp", "cpuhp_exit", List.of(
                new EventField("cpu", FieldType.U32), new EventField("state", FieldType.S32),
                new EventField("idx", FieldType.S32), new EventField("ret", FieldType.S32)),
                " cpu: %04u  state: %3d step: %3d ret: %d"));
        multiEnter = tracer.register(new EventDefinition("cpuhp", "cpuhp_multi_enter", enterFields, enterFormat));
        enter = tracer.register(new EventDefinition("cpuhp", "cpuhp_enter", enterFields, enterFormat));
    }
}
