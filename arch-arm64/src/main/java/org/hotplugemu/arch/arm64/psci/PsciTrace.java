package org.hotplugemu.arch.arm64.psci;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.api.trace.TraceEvent;
import org.hotplugemu.api.trace.Tracer;

/**
 * The {@code psci} trace system: {@code psci_call} when the kernel traps into firmware and
 * {@code psci_return} with the result. Events are built only when enabled. Experimental.
 */
public final class PsciTrace {
    public static final String SYSTEM = "psci";

    private final TraceEvent call;
    private final TraceEvent result;

    /** Registers the events with {@code tracer}; call once per machine. */
    public PsciTrace(Tracer tracer) {
        requireNonNull(tracer, "tracer is null");
        call = tracer.register(new EventDefinition(SYSTEM, "psci_call", List.of(
                new EventField("function", FieldType.STRING),
                new EventField("function_id", FieldType.U32),
                new EventField("arg0", FieldType.U64),
                new EventField("arg1", FieldType.U64),
                new EventField("arg2", FieldType.U64)),
                "%s (0x%08x) arg0=0x%lx arg1=0x%lx arg2=0x%lx"));
        result = tracer.register(new EventDefinition(SYSTEM, "psci_return", List.of(
                new EventField("function", FieldType.STRING),
                new EventField("function_id", FieldType.U32),
                new EventField("ret", FieldType.S64),
                new EventField("result", FieldType.STRING)),
                "%s (0x%08x) ret=%ld (%s)"));
    }

    void call(String function, long functionId, long arg0, long arg1, long arg2) {
        if (call.isEnabled()) {
            call.emit(function, functionId & 0xffffffffL, arg0, arg1, arg2);
        }
    }

    void result(String function, long functionId, long ret, boolean returnCode) {
        if (result.isEnabled()) {
            result.emit(function, functionId & 0xffffffffL, ret, returnCode ? PsciReturn.name(ret) : "value");
        }
    }
}
