package org.hotplugemu.core.profile;

/**
 * Where a state runs, derived from its number and the profile's section boundaries
 * ({@code ../shared/spec/cpuhp.md} section 1).
 */
public enum Section {
    /** State 0. */
    OFFLINE,
    /** {@code 1 .. BRINGUP_CPU}: on the control CPU; may fail. */
    PREPARE,
    /** {@code AP_IDLE_DEAD .. AP_ONLINE}: on the plugged CPU, interrupts off; failures are ignored. */
    STARTING,
    /** {@code TEARDOWN_CPU}: on the control CPU between STARTING and ONLINE. */
    TEARDOWN,
    /** {@code AP_ONLINE_IDLE .. ONLINE}: on the plugged CPU's {@code cpuhp/N} thread; may fail. */
    ONLINE
}
