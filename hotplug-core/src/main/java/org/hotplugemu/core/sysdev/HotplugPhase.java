package org.hotplugemu.core.sysdev;

/**
 * The three phases of a system device hot-plug request, run in this order. A failure in
 * {@link #VALIDATE} or {@link #EXECUTE} rolls back; {@link #COMMIT} handlers cannot undo anything,
 * so their errors are logged and recorded in the request's outcome.
 */
public enum HotplugPhase {
    /** Checks that the request can be carried out; changes nothing. */
    VALIDATE,
    /** Does the work (enumerate, online, offline). */
    EXECUTE,
    /** Finishes what cannot fail or be undone (unregister, eject, update nodes). */
    COMMIT
}
