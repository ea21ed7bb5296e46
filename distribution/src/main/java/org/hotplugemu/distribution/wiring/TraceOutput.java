package org.hotplugemu.distribution.wiring;

import org.hotplugemu.core.machine.Machine;

/** What happens to the machine's trace buffer at exit. */
public interface TraceOutput {
    /** Writes the trace of {@code machine} where the user asked, or does nothing. */
    void writeFrom(Machine machine);
}
