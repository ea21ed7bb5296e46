package org.hotplugemu.arch.x86.apic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.api.trace.TraceEvent;
import org.hotplugemu.api.trace.Tracer;

/**
 * The {@code x86_apic} trace events: every ICR write, INIT resets, accepted and ignored start-up
 * IPIs, and delivery errors. Each is emitted only when enabled.
 *
 * <p>Experimental.
 */
public final class ApicTracepoints {
    public static final String SYSTEM = "x86_apic";

    private final TraceEvent icrWrite;
    private final TraceEvent initReset;
    private final TraceEvent sipiAccepted;
    private final TraceEvent ipiIgnored;
    private final TraceEvent deliveryError;

    /** Registers the events with {@code tracer} (once per machine). */
    public ApicTracepoints(Tracer tracer) {
        requireNonNull(tracer, "tracer is null");
        icrWrite = tracer.register(new EventDefinition(SYSTEM, "apic_icr_write",
                List.of(field("dest", FieldType.U32), field("icr", FieldType.U64), field("mode", FieldType.STRING)),
                "dest: 0x%x icr: 0x%llx mode: %s"));
        initReset = tracer.register(new EventDefinition(SYSTEM, "apic_init_reset",
                List.of(field("cpu", FieldType.U32), field("apicid", FieldType.U32), field("was", FieldType.STRING)),
                "cpu: %u apicid: 0x%x was: %s"));
        sipiAccepted = tracer.register(new EventDefinition(SYSTEM, "apic_sipi_accepted",
                List.of(field("cpu", FieldType.U32), field("apicid", FieldType.U32), field("start", FieldType.U64)),
                "cpu: %u apicid: 0x%x start: 0x%llx"));
        ipiIgnored = tracer.register(new EventDefinition(SYSTEM, "apic_ipi_ignored",
                List.of(field("apicid", FieldType.U32), field("mode", FieldType.STRING), field("reason", FieldType.STRING)),
                "apicid: 0x%x mode: %s reason: %s"));
        deliveryError = tracer.register(new EventDefinition(SYSTEM, "apic_delivery_error",
                List.of(field("dest", FieldType.U32), field("esr", FieldType.U32)),
                "dest: 0x%x esr: 0x%x"));
    }

    private static EventField field(String name, FieldType type) {
        return new EventField(name, type);
    }

    void icrWrite(Icr icr) {
        if (icrWrite.isEnabled()) {
            icrWrite.emit(icr.destination(), icr.value(), icr.deliveryMode().name());
        }
    }

    void initReset(LocalApic target, ApState previous) {
        if (initReset.isEnabled()) {
            initReset.emit(target.cpu(), target.apicId(), previous.name());
        }
    }

    void sipiAccepted(LocalApic target, long startAddress) {
        if (sipiAccepted.isEnabled()) {
            sipiAccepted.emit(target.cpu(), target.apicId(), startAddress);
        }
    }

    void ipiIgnored(long apicId, Icr icr, String reason) {
        if (ipiIgnored.isEnabled()) {
            ipiIgnored.emit(apicId, icr.deliveryMode().name(), reason);
        }
    }

    void deliveryError(long destination, int esrBits) {
        if (deliveryError.isEnabled()) {
            deliveryError.emit(destination, esrBits);
        }
    }
}
