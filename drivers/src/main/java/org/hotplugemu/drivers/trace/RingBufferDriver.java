package org.hotplugemu.drivers.trace;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models per-CPU ring buffer pages: one instance per ring buffer; the reference kernel allocated its three before event tracing started, so they are linked without calls, with the kernel's state names and callback symbols.
 */
public final class RingBufferDriver extends SimpleStateDriver {
    public RingBufferDriver() {
        super("trace_rb", 330, allArchitectures(),
                StateSpec.multiNoCalls("CPUHP_TRACE_RB_PREPARE", "trace/RB:prepare", "trace_rb_cpu_prepare", null, "global_trace", "max_buffer", "trace_instance"));
    }
}
