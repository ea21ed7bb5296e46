package org.hotplugemu.arch.x86.apic;

/**
 * What an emulated processor is doing, as its local APIC sees it.
 *
 * <p>Experimental.
 */
public enum ApState {
    /** Reset by INIT (or power-on) and waiting for a start-up IPI; the only state that accepts one. */
    WAIT_FOR_SIPI,
    /** Executing code from its start address (or, for the boot CPU, always). */
    RUNNING,
    /**
     * Stopped in {@code mwait_play_dead}/{@code hlt_play_dead} or halted before reporting alive:
     * powered, deaf to SIPIs; only INIT brings it back to {@link #WAIT_FOR_SIPI}.
     */
    HALTED
}
