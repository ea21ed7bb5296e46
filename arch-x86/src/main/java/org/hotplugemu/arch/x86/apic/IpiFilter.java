package org.hotplugemu.arch.x86.apic;

/**
 * Decides the fate of one IPI on the emulated APIC bus before it reaches its target: how injected
 * faults (a lost SIPI, a delivery error) enter the hardware model.
 *
 * <p>Experimental.
 */
@FunctionalInterface
public interface IpiFilter {
    /** What the bus does with an IPI. */
    enum Verdict {
        /** Delivered normally. */
        DELIVER,
        /** Silently lost: the sender sees no error, the target never sees it. */
        DROP,
        /** Not accepted by any APIC: the sender's ESR records a send accept error. */
        REJECT
    }

    IpiFilter DELIVER_ALL = (targetCpu, icr) -> Verdict.DELIVER;

    Verdict check(int targetCpu, Icr icr);
}
