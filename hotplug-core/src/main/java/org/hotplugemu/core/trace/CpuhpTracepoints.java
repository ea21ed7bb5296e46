package org.hotplugemu.core.trace;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.api.trace.TraceEvent;
import org.hotplugemu.api.trace.Tracer;

/**
 * The {@code cpuhp} trace events of {@code include/trace/events/cpuhp.h}: {@code cpuhp_enter},
 * {@code cpuhp_multi_enter} and {@code cpuhp_exit}, with the kernel's fields and print formats.
 *
 * <p>Like every tracepoint of 6.1 and 6.12 they fire only on a CPU that is in
 * {@code cpu_online_mask} (the {@code cpu_online(raw_smp_processor_id())} condition of
 * {@code __DO_TRACE}): the STARTING callbacks an AP runs before it marks itself online and the
 * DYING ones it runs after clearing itself are never recorded. The machine passes that condition
 * in; the kernel parameter {@code emu.trace_offline_cpus=1} drops it so those steps can be seen.
 */
public final class CpuhpTracepoints {
    public static final String SYSTEM = "cpuhp";

    /**
     * Boxed CPU and state numbers, made once: a traced cycle emits about 130 events whose fields are
     * mostly above the JDK's small-integer cache, and boxing them anew was a visible part of the
     * tracing overhead.
     */
    private static final Integer[] BOXED = new Integer[org.hotplugemu.arch.spi.MachineConfig.MAX_CPUS];

    static {
        for (int i = 0; i < BOXED.length; i++) {
            BOXED[i] = i;
        }
    }

    private final TraceEvent enter;
    private final TraceEvent multiEnter;
    private final TraceEvent exit;
    private final BooleanSupplier cpuOnline;

    /** Tracepoints that fire on any CPU, online or not (for tests and tools that want every step). */
    public CpuhpTracepoints(Tracer tracer) {
        this(tracer, () -> true);
    }

    /**
     * Tracepoints that fire only while {@code cpuOnline} says the emitting CPU (the one the calling
     * emulated thread runs on) is in {@code cpu_online_mask}.
     */
    public CpuhpTracepoints(Tracer tracer, BooleanSupplier cpuOnline) {
        this.cpuOnline = cpuOnline;
        // Registered in the order that gives the reference kernel's event ids (exit 135, multi 136, enter 137).
        this.exit = tracer.register(new EventDefinition(SYSTEM, "cpuhp_exit", List.of(
                new EventField("cpu", FieldType.U32),
                new EventField("state", FieldType.S32),
                new EventField("idx", FieldType.S32),
                new EventField("ret", FieldType.S32)),
                " cpu: %04u  state: %3d step: %3d ret: %d"));
        this.multiEnter = tracer.register(new EventDefinition(SYSTEM, "cpuhp_multi_enter", enterFields(),
                "cpu: %04u target: %3d step: %3d (%ps)"));
        this.enter = tracer.register(new EventDefinition(SYSTEM, "cpuhp_enter", enterFields(),
                "cpu: %04u target: %3d step: %3d (%ps)"));
    }

    private static List<EventField> enterFields() {
        return List.of(
                new EventField("cpu", FieldType.U32),
                new EventField("target", FieldType.S32),
                new EventField("idx", FieldType.S32),
                new EventField("fun", FieldType.SYMBOL));
    }

    public void enter(int cpu, int target, int step, String symbol) {
        if (enter.isEnabled() && cpuOnline.getAsBoolean()) {
            enter.emit(box(cpu), box(target), box(step), symbol);
        }
    }

    public void multiEnter(int cpu, int target, int step, String symbol) {
        if (multiEnter.isEnabled() && cpuOnline.getAsBoolean()) {
            multiEnter.emit(box(cpu), box(target), box(step), symbol);
        }
    }

    public void exit(int cpu, int state, int step, int ret) {
        if (exit.isEnabled() && cpuOnline.getAsBoolean()) {
            exit.emit(box(cpu), box(state), box(step), box(ret));
        }
    }

    private static Integer box(int value) {
        return value >= 0 && value < BOXED.length ? BOXED[value] : Integer.valueOf(value);
    }
}
